import "server-only";
import { isIP } from "node:net";
import { logEvent } from "@/lib/server/log";

/**
 * Who is asking, for the sign-in limits: the socket address, or, behind TRUST_PROXY proxies that each append to
 * X-Forwarded-For, the entry that many hops from the right. Never a value the client can choose: the socket address
 * comes from the front server (server/front.mjs), which strips any incoming copy of its header before stamping it.
 */
export const CLIENT_ADDRESS_HEADER = "x-export-desk-client-address";
/** Set on globalThis by server/front.mjs in the same process; an env var could be set without the front running. */
const FRONT_MARK = Symbol.for("export-desk.front");
const MAX_HOPS = 10;

/** TRUST_PROXY, read here until lib/config parses it: 0 (default) to 10. */
export function trustProxyHops(raw: string | undefined = process.env.TRUST_PROXY): number {
  const value = raw?.trim() ?? "";
  if (value === "") return 0;
  if (!/^\d{1,2}$/.test(value) || Number(value) > MAX_HOPS) {
    throw new Error(
      `TRUST_PROXY must be a whole number from 0 to ${MAX_HOPS}: how many proxies in front of Export Desk append to X-Forwarded-For.`,
    );
  }
  return Number(value);
}

/** A key for the client: `ip:<v4 or v6>`, IPv6 reduced to its /64 (one subscriber's network), or `unknown`. */
export function clientKey(headers: Headers, hops: number = trustProxyHops()): string {
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the request did not pass them all, so the nearest peer is the socket.
    if (chain.length >= hops) return keyOf(chain[chain.length - hops] as string);
  }
  const stamped = frontInstalled() ? headers.get(CLIENT_ADDRESS_HEADER) : null;
  if (stamped) return keyOf(stamped);
  warnUnknownOnce();
  return "unknown";
}

export function frontInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[FRONT_MARK] === true;
}

/** Tests only: behave as if server/front.mjs stamped the client address header. */
export function setFrontInstalledForTests(on: boolean): void {
  (globalThis as Record<symbol, unknown>)[FRONT_MARK] = on;
}

function keyOf(raw: string): string {
  const address = withoutPort(raw.trim());
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return `ip:${mapped[1]}`;
  const family = isIP(address);
  if (family === 4) return `ip:${address}`;
  if (family === 6) return `ip6:${ipv6Prefix64(address)}`;
  return "unknown";
}

function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1] as string;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address);
  return v4WithPort ? (v4WithPort[1] as string) : address;
}

/** The first four groups of an IPv6 address, zero-filled: `2001:db8:0:1::5` → `2001:db8:0:1::/64`. */
function ipv6Prefix64(address: string): string {
  const [head = "", tail] = address.toLowerCase().replace(/%.*$/, "").split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

let warned = false;
function warnUnknownOnce(): void {
  if (warned) return;
  warned = true;
  logEvent("client_address_unknown", { hint: "start with server/start.mjs or set TRUST_PROXY" });
}
