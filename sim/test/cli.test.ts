import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEED } from "../seed/ids";
import { startTestSim } from "./helpers";

const root = path.resolve(__dirname, "../..");

describe("CLI and options", () => {
  it("npm run sim prints one line with the URL and exits cleanly on SIGTERM", async () => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["sim/main.ts"], {
      cwd: root,
      env: { ...process.env, SIM_PORT: "0", SIM_HOST: "127.0.0.1" },
    });
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out.trim());
      });
      child.once("exit", () => reject(new Error("exited early")));
    });
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0] ?? "";
    expect(url).not.toBe("");
    expect((await fetch(`${url}/__sim/health`)).status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });

  it("registers redirect URIs from SIM_OAUTH_REDIRECT_URIS", async () => {
    process.env.SIM_OAUTH_REDIRECT_URIS = "http://localhost:7777/a, http://localhost:7777/b";
    const t = await startTestSim();
    delete process.env.SIM_OAUTH_REDIRECT_URIS;
    try {
      const q = new URLSearchParams({
        response_type: "code",
        client_id: SEED.oauthClient.clientId,
        redirect_uri: "http://localhost:7777/b",
        state: "x",
      });
      expect((await fetch(`${t.url}/auth/authorize?${q}`, { redirect: "manual" })).status).toBe(302);
    } finally {
      await t.sim.close();
    }
  });
});
