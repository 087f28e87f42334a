import type { AnaplanApi } from "@/lib/anaplan/api";

/** Who is reading: their Anaplan api, the key of their per-user caches, and their tenant (for the team ledger). */
export interface Reader {
  api: AnaplanApi;
  userKey: string;
  tenantId: string;
}
