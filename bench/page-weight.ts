import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import type { BrowserContext } from "@playwright/test";
import { SEED } from "../sim/seed/ids";
import { launchChromium } from "./support/browser";
import { bin, root, startService } from "./support/processes";
import { repeated } from "./support/repeat";
import { benchPort, signIn, type Stack } from "./support/stack";
import { judged } from "./support/targets";

const EMPTY_PORT = benchPort(3312);
// Outside the project, or Next would pick up the project's own instrumentation.ts; one per port, so checkouts
// benchmarking side by side (BENCH_PORT_OFFSET) do not build over each other's.
const emptyApp = path.join(os.tmpdir(), `export-desk-bench-empty-next-app-${EMPTY_PORT}`);
const model = `/w/${SEED.workspaces.finance}/m/${SEED.models.fpa}`;
const pages = [
  { name: "sign in", path: "/login", signedIn: false },
  { name: "workspace and model picker", path: "/", signedIn: true },
  { name: "export catalogue", path: model, signedIn: true },
  { name: "export page", path: `${model}/exports/${SEED.exports.revenueCsv}`, signedIn: true },
  { name: "model activity", path: `${model}/activity`, signedIn: true },
];

/** An empty Next.js page built with the same versions: the framework's floor. */
function buildEmptyApp(): void {
  rmSync(emptyApp, { recursive: true, force: true });
  mkdirSync(path.join(emptyApp, "app"), { recursive: true });
  symlinkSync(path.join(root, "node_modules"), path.join(emptyApp, "node_modules"));
  writeFileSync(path.join(emptyApp, "package.json"), JSON.stringify({ name: "empty", private: true }));
  writeFileSync(path.join(emptyApp, "next.config.js"), "module.exports = { turbopack: { root: '/' } };\n");
  writeFileSync(
    path.join(emptyApp, "app", "layout.tsx"),
    "export default function RootLayout({ children }: { children: React.ReactNode }) {\n" +
      '  return <html lang="en"><body>{children}</body></html>;\n}\n',
  );
  writeFileSync(
    path.join(emptyApp, "app", "page.tsx"),
    "export default function Page() {\n  return <p>empty</p>;\n}\n",
  );
  const result = spawnSync(bin("next"), ["build"], {
    cwd: emptyApp,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "pipe",
  });
  if (result.status !== 0) throw new Error(`building the empty app failed: ${result.stderr.toString().slice(-1000)}`);
}

/** Gzip (level 9) bytes of every script a page loads. */
async function scriptBytes(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const total = (await Promise.all(bodies)).reduce((sum, body) => sum + gzipSync(body, { level: 9 }).byteLength, 0);
  await page.close();
  return total;
}

/** 4. Page weight: JavaScript each page ships, against an empty Next.js page of the same versions. */
export async function pageWeight(stack: Stack) {
  buildEmptyApp();
  const empty = await startService(
    "empty Next.js app",
    bin("next"),
    ["start", "-p", String(EMPTY_PORT), "-H", "127.0.0.1"],
    {
      port: EMPTY_PORT,
      healthPath: "/",
      cwd: emptyApp,
    },
  );
  const browser = await launchChromium();
  try {
    const cookie = await signIn(stack.app.url);
    const [name, value] = cookie.split(";")[0]!.split("=");
    // Bytes hardly vary, but what a page loads can (lazy chunks): measured three times like every figure, each
    // time in fresh browser contexts so nothing comes from the cache.
    const figures = await repeated(async () => {
      const anonymous = await browser.newContext();
      const signedIn = await browser.newContext();
      await signedIn.addCookies([{ name: name!, value: value!, url: stack.app.url }]);
      const run: Record<string, number> = { floor: await scriptBytes(anonymous, `${empty.url}/`) };
      for (const p of pages) run[p.name] = await scriptBytes(p.signedIn ? signedIn : anonymous, stack.app.url + p.path);
      run.worst = Math.max(...pages.map((p) => run[p.name]! / run.floor!));
      await Promise.all([anonymous.close(), signedIn.close()]);
      return run;
    });
    const floor = figures.floor!.median;
    const rows = [
      { page: "empty Next.js page (floor)", gzipKiB: floor / 1024, ratio: 1 },
      ...pages.map((p) => ({
        page: p.name,
        gzipKiB: figures[p.name]!.median / 1024,
        ratio: figures[p.name]!.median / floor,
      })),
    ];
    return {
      rows,
      targets: [
        judged("heaviest page's JavaScript vs an empty Next.js page", figures.worst!, "≤ 1.5", (v) => v <= 1.5),
      ],
    };
  } finally {
    await browser.close();
    await empty.stop();
  }
}
