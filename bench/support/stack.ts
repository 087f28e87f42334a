import { SimControl } from "../../sim/control";
import { SEED } from "../../sim/seed/ids";
import { bin, startService, type Service } from "./processes";

/** Shifts every benchmark port, so two checkouts can run benchmarks side by side (`BENCH_PORT_OFFSET=100`). */
export const benchPort = (port: number) => port + Number(process.env.BENCH_PORT_OFFSET ?? 0);
export const SIM_PORT = benchPort(4310);
export const APP_PORT = benchPort(3310);
const SESSION_SECRET = "bench-session-secret-0123456789abcdef-not-for-production";

export interface Stack {
  sim: Service;
  app: Service;
  control: SimControl;
  stop(): Promise<void>;
}

/** What the production app server needs to run on `port` against the simulator at `simUrl`. */
export const appEnv = (simUrl: string, port: number) => ({
  NODE_ENV: "production",
  PORT: String(port),
  HOSTNAME: "127.0.0.1",
  ANAPLAN_API_URL: `${simUrl}/2/0`,
  ANAPLAN_AUTH_URL: simUrl,
  ANAPLAN_OAUTH_URL: simUrl,
  SESSION_SECRET,
  APP_ORIGIN: `http://127.0.0.1:${port}`,
});

/** The simulator and the production build of the app, each in its own process, as in production. */
export async function startStack(): Promise<Stack> {
  const sim = await startService("simulator", bin("tsx"), ["sim/main.ts"], {
    port: SIM_PORT,
    healthPath: "/__sim/health",
    env: { SIM_PORT: String(SIM_PORT), SIM_HOST: "127.0.0.1" },
  });
  const app = await startService("app", process.execPath, [".next/standalone/start.mjs"], {
    port: APP_PORT,
    healthPath: "/api/health",
    env: appEnv(sim.url, APP_PORT),
  });
  return {
    sim,
    app,
    control: new SimControl(sim.url),
    async stop() {
      await app.stop();
      await sim.stop();
    },
  };
}

/** One more app server on `port` against the stack's simulator, with `env` on top (for A/B comparisons). */
export function startAppBeside(stack: Stack, port: number, env: Record<string, string>): Promise<Service> {
  return startService(`app on ${port}`, process.execPath, [".next/standalone/start.mjs"], {
    port,
    healthPath: "/api/health",
    env: { ...appEnv(stack.sim.url, port), ...env },
  });
}

/** Signs in through the BFF and returns the Cookie header value of the session. */
export async function signIn(appUrl: string, user: keyof typeof SEED.users = "ada"): Promise<string> {
  const response = await fetch(`${appUrl}/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Export-Desk-CSRF": "1", Origin: appUrl },
    body: JSON.stringify({ email: SEED.users[user].email, password: SEED.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed with ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** A token minted directly at the simulator, for the baselines that bypass the BFF. */
export async function directToken(simUrl: string, user: keyof typeof SEED.users = "ada"): Promise<string> {
  const basic = Buffer.from(`${SEED.users[user].email}:${SEED.password}`).toString("base64");
  const response = await fetch(`${simUrl}/token/authenticate`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}` },
  });
  if (response.status !== 201) throw new Error(`authenticate failed with ${response.status}`);
  const body = (await response.json()) as { tokenInfo: { tokenValue: string } };
  return body.tokenInfo.tokenValue;
}

export const bffCsrfHeaders = (appUrl: string, cookie: string) => ({
  Cookie: cookie,
  "Content-Type": "application/json",
  "X-Export-Desk-CSRF": "1",
  Origin: appUrl,
});

/** Path of an export under the workspace/model of the main seeded model. */
export const exportPath = (exportId: string) =>
  `/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}/exports/${exportId}`;
