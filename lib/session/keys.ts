import "server-only";
import { createHash } from "node:crypto";

/**
 * iron passwords from SESSION_SECRET's list. Each secret gets an id derived from its own hash, so a secret keeps
 * its id when others are added or removed: cookies sealed before a rotation still find their password afterwards
 * (positional ids would shift when the oldest entry is dropped). The first secret seals, every listed one unseals.
 */
export interface SessionKeys {
  /** Single-entry map: iron-session seals with the highest id of the map it is given. */
  seal: Record<string, string>;
  unseal: Record<string, string>;
}

const cache = new Map<string, SessionKeys>();

export function sessionKeys(secrets: readonly string[]): SessionKeys {
  const cacheKey = secrets.join("\u0000");
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  if (secrets.length === 0) throw new Error("No session secret is configured.");

  const unseal: Record<string, string> = {};
  const ids: string[] = [];
  secrets.forEach((secret, index) => {
    let id = secretId(secret);
    // A hash collision between two different secrets is astronomically unlikely; keep ids unique anyway.
    while (id in unseal && unseal[id] !== secret) id = String(Number(id) + 1 + index);
    unseal[id] = secret;
    ids.push(id);
  });
  const sealId = ids[0] as string;
  const keys: SessionKeys = { seal: { [sealId]: secrets[0] as string }, unseal };
  cache.set(cacheKey, keys);
  return keys;
}

/** A numeric id (iron ids must match \w+ and iron-session picks the seal id with Number()). */
function secretId(secret: string): string {
  const digest = createHash("sha256").update("export-desk-session-key:").update(secret).digest();
  return String(digest.readUInt32BE(0) + 1);
}
