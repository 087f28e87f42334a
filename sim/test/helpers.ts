/** Test helpers: start a simulator on an ephemeral port and talk to it with plain fetch. */
import { SimControl } from "../control";
import { SEED, type SeedUserKey } from "../seed/ids";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "../server";

export interface TestSim {
  sim: RunningSimulator;
  url: string;
  ctl: SimControl;
}

export async function startTestSim(options: SimulatorOptions = {}): Promise<TestSim> {
  const sim = await startSimulator({ port: 0, ...options });
  return { sim, url: sim.url, ctl: new SimControl(sim.url) };
}

export const basic = (email: string, password: string): string =>
  `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;

/** Signs a seed user in with Basic auth and returns the token value. */
export async function login(url: string, who: SeedUserKey): Promise<string> {
  const res = await fetch(`${url}/token/authenticate`, {
    method: "POST",
    headers: { Authorization: basic(SEED.users[who].email, SEED.password) },
  });
  if (res.status !== 201) throw new Error(`login failed: ${res.status}`);
  const body = (await res.json()) as { tokenInfo: { tokenValue: string } };
  return body.tokenInfo.tokenValue;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A small Integration API client bound to one token. */
export function api(url: string, token: string, scheme = "AnaplanAuthToken") {
  const headers = { Authorization: `${scheme} ${token}` };
  return {
    get: async (path: string) => reply(await fetch(`${url}/2/0${path}`, { headers })),
    bytes: async (path: string) => {
      const res = await fetch(`${url}/2/0${path}`, { headers });
      return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
    },
    post: async (path: string, body: unknown = { localeName: "en_US" }) =>
      reply(
        await fetch(`${url}/2/0${path}`, {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify(body),
        }),
      ),
    del: async (path: string) => reply(await fetch(`${url}/2/0${path}`, { method: "DELETE", headers })),
  };
}

export const FPA = `/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}`;
export const exportPath = (exportId: string) => `${FPA}/exports/${exportId}`;
