/**
 * `npm run demo`: builds Export Desk, starts the Anaplan simulator and the app together,
 * prints where to open it and how to sign in, and stops both on Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { SEED } from "../sim/seed/ids";
import { seedDemoHistory } from "./demo-history";

const root = path.resolve(__dirname, "..");
const appPort = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? 4010);
const appUrl = `http://localhost:${appPort}`;
const simUrl = `http://127.0.0.1:${simPort}`;
// The demo's own embedded database, new each run like the simulator it records.
const dataDir = path.join(root, ".demo", "data");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const children: ChildProcess[] = [];
let stopping = false;

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 300).unref();
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`\nThe ${name} stopped unexpectedly (exit code ${code ?? "none"}); stopping the demo.`);
      stop(1);
    }
  });
  children.push(child);
}

async function waitFor(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The ${what} did not answer at ${url} within 60 s.`);
}

async function main(): Promise<void> {
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));

  console.log("Building Export Desk (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, env: baseEnv, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(1);
  }

  // The simulator accepts SSO sign-ins back to this demo's own address, whatever the port.
  start("simulator", bin("tsx"), ["sim/main.ts"], {
    ...baseEnv,
    SIM_PORT: String(simPort),
    SIM_HOST: "127.0.0.1",
    SIM_OAUTH_REDIRECT_URIS: `${appUrl}/api/auth/oauth/callback`,
  });
  await waitFor(`${simUrl}/__sim/health`, "simulator");

  rmSync(dataDir, { recursive: true, force: true });
  start("app", process.execPath, [".next/standalone/start.mjs"], {
    ...baseEnv,
    NODE_ENV: "production",
    PORT: String(appPort),
    HOSTNAME: "localhost",
    ANAPLAN_API_URL: `${simUrl}/2/0`,
    ANAPLAN_AUTH_URL: simUrl,
    ANAPLAN_OAUTH_URL: simUrl,
    ANAPLAN_OAUTH_CLIENT_ID: SEED.oauthClient.clientId,
    ANAPLAN_OAUTH_CLIENT_SECRET: SEED.oauthClient.clientSecret,
    // A fresh secret each run: demo sessions end when the demo stops.
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    APP_ORIGIN: appUrl,
    DATA_DIR: dataDir,
  });
  await waitFor(`${appUrl}/api/health`, "app");
  console.log("Giving the demo model some history: three demo users run, cancel and download exports…");
  const runs = await seedDemoHistory(appUrl, simUrl);

  const users = Object.values(SEED.users).map((u) => u.email);
  console.log(`
  Export Desk is running on the built-in Anaplan simulator.

    Open      ${appUrl}
    Sign in   ${users[0]}   password: ${SEED.password}
              (also ${users.slice(1).join(", ")} — same password — or "Sign in with Anaplan SSO")
    Simulator ${simUrl}   (control API under /__sim/, see sim/README.md)
    History   ${runs} runs by the demo users: open FP&A Planning, then the Runs tab

  Press Ctrl-C to stop both.
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stop(1);
});
