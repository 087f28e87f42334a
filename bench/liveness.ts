import type { Browser, BrowserContext, Page } from "@playwright/test";
import { SEED } from "../sim/seed/ids";
import { launchChromium } from "./support/browser";
import { formatSpread, repeated, type Spread } from "./support/repeat";
import { bffCsrfHeaders, directToken, exportPath, signIn, type Stack } from "./support/stack";
import { judged } from "./support/targets";

/**
 * 9. Liveness: how soon a run appears on a teammate's open pages, and what watching costs upstream.
 * - ledger path: Bruno starts a run through Export Desk; time until it shows on Ada's open activity page and on her
 *   open page of that export (pushed by the model's event stream; their idle poll is 2 minutes);
 * - started outside: a run started straight at the simulator (as Anaplan's UI or a script would), noticed through
 *   the model status that the stream's watcher reads every 10 s;
 * - upstream calls per minute while 10 users keep an idle model's activity and export pages open.
 */
const WATCH_S = Number(process.env.BENCH_LIVENESS_SECONDS ?? 60);
const WATCHERS = 10;
const SETTLE_MS = 8_000;
const LONG_TASK_MS = 10 * 60_000;
const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const activityPath = `/w/${W}/m/${M}/activity`;
const exportPagePath = (exportId: string) => `/w/${W}/m/${M}/exports/${exportId}`;
const USERS = ["ada", "bruno", "chloe"] as const;

async function openPages(browser: Browser, stack: Stack, user: keyof typeof SEED.users, paths: string[]) {
  const cookie = await signIn(stack.app.url, user);
  const context: BrowserContext = await browser.newContext({ baseURL: stack.app.url });
  const [name, value] = cookie.split(";")[0]!.split("=");
  await context.addCookies([{ name: name!, value: value!, url: stack.app.url }]);
  const pages: Page[] = [];
  for (const path of paths) {
    const page = await context.newPage();
    await page.goto(path);
    // The stream is open once the table says "Live".
    await page.getByText("Live", { exact: true }).first().waitFor({ timeout: 30_000 });
    pages.push(page);
  }
  return { context, pages, cookie };
}

/** Resolves (ms since `since`) once the page's task table shows the task (its id's first 8 characters). */
async function shows(page: Page, taskId: Promise<string>, since: number): Promise<number> {
  const prefix = (await taskId).slice(0, 8);
  await page.locator("table").filter({ hasText: prefix }).first().waitFor({ timeout: 60_000 });
  return Date.now() - since;
}

async function startThroughDesk(stack: Stack, cookie: string, exportId: string): Promise<string> {
  const response = await fetch(`${stack.app.url}/api${exportPath(exportId)}/tasks`, {
    method: "POST",
    headers: bffCsrfHeaders(stack.app.url, cookie),
    body: JSON.stringify({ localeName: "en_US" }),
  });
  if (response.status !== 201) throw new Error(`starting a run answered ${response.status}`);
  return ((await response.json()) as { task: { taskId: string } }).task.taskId;
}

async function startOutside(stack: Stack, token: string, exportId: string): Promise<string> {
  const response = await fetch(`${stack.sim.url}/2/0${exportPath(exportId)}/tasks`, {
    method: "POST",
    headers: { Authorization: `AnaplanAuthToken ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ localeName: "en_US" }),
  });
  if (!response.ok) throw new Error(`starting a run at the simulator answered ${response.status}`);
  return ((await response.json()) as { task: { taskId: string } }).task.taskId;
}

async function freshModel(stack: Stack): Promise<void> {
  await stack.control.reset();
  await stack.control.configure({ taskDurationMs: LONG_TASK_MS, slowTaskDurationMs: LONG_TASK_MS });
}

/** Ada watches activity and the export's page; a run of that export appears on both. */
async function timeToAppear(
  browser: Browser,
  stack: Stack,
  exportId: string,
  prepare: () => Promise<() => Promise<string>>,
) {
  await freshModel(stack);
  const ada = await openPages(browser, stack, "ada", [activityPath, exportPagePath(exportId)]);
  try {
    const start = await prepare();
    const since = Date.now();
    const taskId = start();
    const [activity, exportPage] = await Promise.all(ada.pages.map((page) => shows(page, taskId, since)));
    return { activity: activity!, exportPage: exportPage! };
  } finally {
    await ada.context.close();
  }
}

async function idleUpstreamPerMinute(browser: Browser, stack: Stack): Promise<number> {
  await freshModel(stack);
  const contexts: BrowserContext[] = [];
  try {
    for (let i = 0; i < WATCHERS; i++) {
      const user = USERS[i % USERS.length]!;
      contexts.push(
        (await openPages(browser, stack, user, [activityPath, exportPagePath(SEED.exports.revenueCsv)])).context,
      );
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    await stack.control.clearRequests();
    await new Promise((r) => setTimeout(r, WATCH_S * 1000));
    const requests = await stack.control.requests();
    return requests.filter((r) => r.path.startsWith("/2/0/")).length / (WATCH_S / 60);
  } finally {
    for (const context of contexts) await context.close();
  }
}

export async function liveness(stack: Stack) {
  const browser = await launchChromium();
  try {
    const figures = await repeated(async () => {
      // Bruno signs in before the clock starts (the simulator's reset ends every earlier token).
      const desk = await timeToAppear(browser, stack, SEED.exports.revenueCsv, async () => {
        const cookie = await signIn(stack.app.url, "bruno");
        return () => startThroughDesk(stack, cookie, SEED.exports.revenueCsv);
      });
      const outside = await timeToAppear(browser, stack, SEED.exports.opexTxt, async () => {
        const token = await directToken(stack.sim.url, "bruno");
        return () => startOutside(stack, token, SEED.exports.opexTxt);
      });
      return {
        deskActivityMs: desk.activity,
        deskExportPageMs: desk.exportPage,
        outsideActivityMs: outside.activity,
        outsideExportPageMs: outside.exportPage,
        idleUpstreamPerMinute: await idleUpstreamPerMinute(browser, stack),
      };
    });
    const s = (ms: Spread) => `${formatSpread(ms, 0)} ms`;
    const rows = [
      { figure: "started through Export Desk → Ada's activity page", value: s(figures.deskActivityMs) },
      { figure: "started through Export Desk → Ada's export page", value: s(figures.deskExportPageMs) },
      { figure: "started outside → Ada's activity page", value: s(figures.outsideActivityMs) },
      { figure: "started outside → Ada's export page", value: s(figures.outsideExportPageMs) },
      {
        figure: `upstream calls / min, ${WATCHERS} users watching an idle model (${WATCH_S} s)`,
        value: formatSpread(figures.idleUpstreamPerMinute, 1),
      },
    ];
    return {
      rows,
      figures,
      targets: [
        judged(
          "a teammate's run → open activity page (ledger path), ms",
          figures.deskActivityMs,
          "≤ 2000",
          (v) => v <= 2_000,
        ),
        judged(
          "a teammate's run → open export page (ledger path), ms",
          figures.deskExportPageMs,
          "≤ 2000",
          (v) => v <= 2_000,
        ),
        judged(
          "a run started outside → open activity page, ms",
          figures.outsideActivityMs,
          "≤ 15000",
          (v) => v <= 15_000,
        ),
        judged(
          "a run started outside → open export page, ms",
          figures.outsideExportPageMs,
          "≤ 15000",
          (v) => v <= 15_000,
        ),
        judged(
          `upstream calls / min, ${WATCHERS} users, idle model`,
          figures.idleUpstreamPerMinute,
          "≤ 6",
          (v) => v <= 6,
        ),
      ],
    };
  } finally {
    await browser.close();
  }
}
