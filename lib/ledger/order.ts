import { sql } from "drizzle-orm";
import { runs } from "@/lib/db/schema";

/**
 * Newest first, spelled exactly as the indexes are (drizzle-kit writes DESC NULLS LAST; a bare DESC means NULLS FIRST,
 * and PostgreSQL then sorts instead of reading the index in order, even though the columns are NOT NULL).
 */
export const NEWEST_FIRST = [sql`${runs.startedAt} desc nulls last`, sql`${runs.id} desc nulls last`];
