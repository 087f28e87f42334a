/**
 * Gives the demo's main model a history made through the real paths: the three demo users sign in and run, watch,
 * cancel and download exports through the BFF, as people would, so the Runs page has something to show.
 * The simulator runs these tasks in a second or two (then goes back to its usual timings).
 */
import { SimControl } from "../sim/control";
import { SEED, type SeedUserKey } from "../sim/seed/ids";

const E = SEED.exports;
const model = `/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}`;

interface Step {
  user: SeedUserKey;
  exportId: string;
  durationMs: number;
  download?: boolean;
  cancelledBy?: SeedUserKey;
}

const STEPS: Step[] = [
  { user: "ada", exportId: E.revenueCsv, durationMs: 1_800, download: true },
  { user: "bruno", exportId: E.opexTxt, durationMs: 2_600, download: true },
  { user: "ada", exportId: E.failing, durationMs: 1_200 },
  { user: "chloe", exportId: E.revenueCsv, durationMs: 2_200, download: true },
  { user: "ada", exportId: E.slow, durationMs: 1_000, cancelledBy: "bruno" },
  { user: "bruno", exportId: E.revenueCsv, durationMs: 1_500, download: true },
  { user: "chloe", exportId: E.gridXls, durationMs: 2_000 },
];

export async function seedDemoHistory(appUrl: string, simUrl: string): Promise<number> {
  const sim = new SimControl(simUrl);
  const cookies = new Map<SeedUserKey, string>();
  for (const user of ["ada", "bruno", "chloe"] as const) cookies.set(user, await signIn(appUrl, user));
  const call = (user: SeedUserKey, method: string, path: string) =>
    fetch(`${appUrl}${path}`, {
      method,
      headers: {
        Cookie: cookies.get(user) ?? "",
        "X-Export-Desk-CSRF": "1",
        Origin: appUrl,
        "Content-Type": "application/json",
      },
      body: method === "POST" ? "{}" : undefined,
    });

  try {
    for (const step of STEPS) {
      await sim.configure({ taskDurationMs: step.durationMs, slowTaskDurationMs: 60_000, cancelLatencyMs: 800 });
      const tasks = `${model}/exports/${step.exportId}/tasks`;
      const started = await call(step.user, "POST", tasks);
      if (started.status !== 201) throw new Error(`starting a demo run answered ${started.status}`);
      const { task } = (await started.json()) as { task: { taskId: string } };
      if (step.cancelledBy) {
        await pause(600);
        await call(step.cancelledBy, "DELETE", `${tasks}/${task.taskId}`);
      }
      await until(async () => {
        const res = await call(step.user, "GET", `${tasks}/${task.taskId}`);
        const { task: now } = (await res.json()) as { task: { taskState: string } };
        return now.taskState === "COMPLETE" || now.taskState === "CANCELLED";
      });
      if (step.download) await (await call(step.user, "GET", `${model}/exports/${step.exportId}/file`)).arrayBuffer();
    }
  } finally {
    await sim.configure({ taskDurationMs: null, slowTaskDurationMs: 120_000, cancelLatencyMs: 1_500 });
  }
  return STEPS.length;
}

async function signIn(appUrl: string, user: SeedUserKey): Promise<string> {
  const res = await fetch(`${appUrl}/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Export-Desk-CSRF": "1", Origin: appUrl },
    body: JSON.stringify({ email: SEED.users[user].email, password: SEED.password }),
  });
  if (!res.ok) throw new Error(`the demo user ${user} could not sign in (${res.status})`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function until(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("a demo run did not finish in time");
    await pause(250);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
