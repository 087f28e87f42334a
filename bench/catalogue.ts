import { SEED } from "../sim/seed/ids";
import { launchChromium } from "./support/browser";
import { directToken, signIn, type Stack } from "./support/stack";

const RUNS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

/** 5. Catalogue at scale: the 5,000-export model's page against its upstream calls, and filter latency in Chromium. */
export async function catalogueAtScale(stack: Stack) {
  await stack.control.reset();
  const token = await directToken(stack.sim.url);
  const auth = { Authorization: `AnaplanAuthToken ${token}` };
  const models = (await (await fetch(`${stack.sim.url}/2/0/models`, { headers: auth })).json()) as {
    models: { id: string; currentWorkspaceId: string }[];
  };
  const workspaceId = models.models.find((m) => m.id === SEED.models.bigCatalogue)!.currentWorkspaceId;
  const pagePath = `/w/${workspaceId}/m/${SEED.models.bigCatalogue}`;
  const cookie = await signIn(stack.app.url);

  await timed(stack.app.url + pagePath, { Cookie: cookie }); // warm-up
  await stack.control.clearRequests();
  await timed(stack.app.url + pagePath, { Cookie: cookie });
  // The page also starts the activity sweep of all 5,000 task lists in the background (it waits at most 1.5 s
  // for it); those calls are not part of its response, so they are left out of the replay.
  const upstreamCalls = (await stack.control.requests()).filter(
    (r) => r.method === "GET" && !/\/tasks(\?|$)/.test(r.path),
  );

  const serverMs: number[] = [];
  const upstreamMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    serverMs.push(await timed(stack.app.url + pagePath, { Cookie: cookie }));
    let sum = 0;
    // Sequential replay: an upper bound of the upstream time if the page makes its calls in parallel.
    for (const call of upstreamCalls) sum += await timed(stack.sim.url + call.path, auth);
    upstreamMs.push(sum);
  }

  const browser = await launchChromium();
  let filterMs: number[] = [];
  try {
    const context = await browser.newContext();
    const [name, value] = cookie.split(";")[0]!.split("=");
    await context.addCookies([{ name: name!, value: value!, url: stack.app.url }]);
    const page = await context.newPage();
    await page.goto(stack.app.url + pagePath, { waitUntil: "networkidle" });
    const search = page.getByRole("searchbox").first();
    filterMs = [];
    for (const key of ["r", "e", "v", "Backspace", "Backspace", "Backspace"]) {
      await page.evaluate(() => {
        const w = window as unknown as { __mutations: number[]; __t0: number };
        w.__mutations = [];
        new MutationObserver(() => w.__mutations.push(performance.now())).observe(
          document.querySelector("main") ?? document.body,
          {
            childList: true,
            subtree: true,
            characterData: true,
          },
        );
        document.addEventListener("keydown", () => (w.__t0 = performance.now()), { capture: true, once: true });
      });
      await search.press(key);
      await page.waitForTimeout(600);
      const elapsed = await page.evaluate(() => {
        const w = window as unknown as { __mutations: number[]; __t0: number };
        // The table's re-render is the first change; later ones are metadata arriving for newly shown rows.
        const after = w.__mutations.filter((t) => t >= w.__t0 && t - w.__t0 < 500);
        // No change at all: the visible rows were already right (for example "re" after "r").
        return after.length ? Math.min(...after) - w.__t0 : -1;
      });
      filterMs.push(elapsed);
    }
  } finally {
    await browser.close();
  }

  const ratio = median(serverMs) / median(upstreamMs);
  const changed = filterMs.filter((ms) => ms >= 0);
  const worstFilter = Math.max(...changed);
  return {
    rows: [
      { measure: "catalogue page server response (median ms)", value: median(serverMs) },
      { measure: `its ${upstreamCalls.length} upstream calls, replayed (median ms)`, value: median(upstreamMs) },
      { measure: "filter keystroke → updated table (worst ms)", value: worstFilter },
      { measure: "filter keystroke → updated table (median ms)", value: median(changed) },
      {
        measure: "each keystroke: r, e, v, ⌫, ⌫, ⌫ (ms; — = table unchanged)",
        value: filterMs.map((ms) => (ms < 0 ? "—" : Math.round(ms))).join(", "),
      },
    ],
    targets: [
      { name: "catalogue server response vs its upstream time", value: ratio, target: "≤ 1.5", met: ratio <= 1.5 },
      { name: "filter update (ms, worst keystroke)", value: worstFilter, target: "< 100", met: worstFilter < 100 },
    ],
  };
}
