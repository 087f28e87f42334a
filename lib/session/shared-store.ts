import "server-only";
import { sealData, unsealData } from "iron-session";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { databaseErrorCode } from "@/lib/db/errors";
import { revokedSessions, tokenRefreshes } from "@/lib/db/schema";
import { logEvent } from "@/lib/server/log";
import { processState } from "@/lib/server/process-state";
import { sessionKeys } from "./keys";

/**
 * What instances sharing DATABASE_URL must agree on about sessions: who signed out, and who already refreshed a
 * token. Off on the embedded database (one process: its own memory is enough). Never a gate: when the database
 * cannot be reached, each instance falls back to its own memory, and the outage is logged once.
 */
export function sharedSessionsEnabled(): boolean {
  return getConfig().databaseUrl !== null;
}

/** How long a stored refresh outcome is kept: long enough for every instance's late requests to adopt it. */
export const SHARED_REFRESH_TTL_MS = 5 * 60_000;
const SEAL_TTL_SECONDS = SHARED_REFRESH_TTL_MS / 1000 + 60;

/** After a failure, requests use this instance's memory for a while rather than each waiting on a dead database. */
const RETRY_AFTER_FAILURE_MS = 10_000;
const health = processState("shared-sessions", () => ({ down: false, failedAt: 0 }));

function coolingDown(): boolean {
  return health.down && Date.now() - health.failedAt < RETRY_AFTER_FAILURE_MS;
}

async function guarded<T>(work: () => Promise<T>, fallback: () => Promise<T> | T): Promise<T> {
  if (coolingDown()) return fallback();
  try {
    const result = await work();
    health.down = false;
    return result;
  } catch (error) {
    markDown(error);
    return fallback();
  }
}

function markDown(error: unknown): void {
  if (!health.down) logEvent("session_store_unavailable", { code: databaseErrorCode(error) });
  health.down = true;
  health.failedAt = Date.now();
}

export async function recordSharedRevocation(sid: string, until: number): Promise<void> {
  if (!sharedSessionsEnabled()) return;
  await guarded(
    async () => {
      const { db } = await getDb();
      await db
        .insert(revokedSessions)
        .values({ sid, until: new Date(until) })
        .onConflictDoNothing();
      await db.delete(revokedSessions).where(lt(revokedSessions.until, new Date()));
    },
    () => undefined,
  );
}

export async function isRevokedShared(sid: string, now: number): Promise<boolean> {
  if (!sharedSessionsEnabled()) return false;
  return guarded(
    async () => {
      const { db } = await getDb();
      const rows = await db
        .select({ sid: revokedSessions.sid })
        .from(revokedSessions)
        .where(and(eq(revokedSessions.sid, sid), gt(revokedSessions.until, new Date(now))))
        .limit(1);
      return rows.length > 0;
    },
    () => false,
  );
}

/**
 * Runs `refresh` for the token identified by `key` (a hash) once across all instances: under a transaction-scoped
 * advisory lock on the key, an outcome another instance stored in the last few minutes is adopted instead.
 */
export async function refreshOnceShared<T extends object>(key: string, refresh: () => Promise<T>): Promise<T> {
  if (!sharedSessionsEnabled() || coolingDown()) return refresh();
  let outcome: { value: T } | { error: unknown } | undefined;
  const refreshHere = async () => {
    try {
      outcome = { value: await refresh() };
    } catch (error) {
      outcome = { error };
    }
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  };
  try {
    const { db } = await getDb();
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`token-refresh:${key}`}, 0))`);
      const since = new Date(Date.now() - SHARED_REFRESH_TTL_MS);
      const [stored] = await tx
        .select({ sealed: tokenRefreshes.sealed })
        .from(tokenRefreshes)
        .where(and(eq(tokenRefreshes.key, key), gt(tokenRefreshes.createdAt, since)))
        .limit(1);
      const adopted = stored
        ? await unsealData<T>(stored.sealed, { password: keys().unseal, ttl: SEAL_TTL_SECONDS })
        : null;
      if (adopted && Object.keys(adopted).length > 0) return adopted;
      const value = await refreshHere();
      const sealed = await sealData(value, { password: keys().seal, ttl: SEAL_TTL_SECONDS });
      const createdAt = new Date();
      await tx
        .insert(tokenRefreshes)
        .values({ key, sealed, createdAt })
        .onConflictDoUpdate({ target: tokenRefreshes.key, set: { sealed, createdAt } });
      await tx.delete(tokenRefreshes).where(lt(tokenRefreshes.createdAt, since));
      return value;
    });
    health.down = false;
    return result;
  } catch (error) {
    // Anaplan's answer to our own refresh is passed on as it is; a token refreshed here is kept even if storing it failed.
    if (outcome && "error" in outcome) throw outcome.error;
    markDown(error);
    return outcome ? outcome.value : refresh();
  }
}

const keys = () => sessionKeys(getConfig().sessionSecrets);
