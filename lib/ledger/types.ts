export {
  RUN_OUTCOMES,
  type Person,
  type Run,
  type RunDownload,
  type RunOutcome,
  type RunsPage,
} from "@/lib/shared/runs";

/** Every ledger row belongs to one tenant (Anaplan customer id), workspace and model. */
export interface LedgerScope {
  tenantId: string;
  workspaceId: string;
  modelId: string;
}

/** Who did something, as the session knows them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
}
