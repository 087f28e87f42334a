import { describe, expect, it } from "vitest";
import * as exportsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import { createAnaplanApi } from "@/lib/anaplan/api";
import { getPickerFacts } from "@/lib/data/picker-facts";
import { getModels, getWorkspaces } from "@/lib/data/queries";
import type { Reader } from "@/lib/data/reader";
import { tenantOf, userKeyOf } from "@/lib/session";
import { pickerKey } from "@/lib/shared/picker";
import { M, SEED, W, ctx, req, signIn, unsealCookie } from "./helpers";
import { setUpStack } from "./stack";

const stack = setUpStack();

async function readerFor(cookie: string): Promise<Reader> {
  const data = await unsealCookie(cookie);
  return { api: createAnaplanApi({ token: data.token }), userKey: userKeyOf(data), tenantId: tenantOf(data) };
}

async function pickerFacts(reader: Reader) {
  const { workspaces } = await getWorkspaces(reader.api);
  const groups = await Promise.all(
    workspaces.map(async (w) => ({ workspaceId: w.id, models: (await getModels(reader.api, w.id)).models })),
  );
  return getPickerFacts(reader, groups);
}

const statusReads = async () =>
  (await stack.control.requests()).filter((r) => /\/models\/[^/]+\/status$/.test(r.path.split("?")[0]!));

describe("the picker's facts", () => {
  it("mark a model without access, and show the team's latest run only where the user may see it", async () => {
    const ada = await signIn("ada");
    const started = await tasksRoute.POST(
      req(`/api/workspaces/${W}/models/${M}/exports/${SEED.exports.revenueCsv}/tasks`, {
        method: "POST",
        cookie: ada,
        csrf: true,
        body: JSON.stringify({ localeName: "en_GB" }),
      }),
      ctx({ workspaceId: W, modelId: M, exportId: SEED.exports.revenueCsv }),
    );
    expect(started.status).toBe(201);
    await tasksRoute.POST(
      req(`/api/workspaces/${W}/models/${SEED.models.restricted}/exports/116000000101/tasks`, {
        method: "POST",
        cookie: ada,
        csrf: true,
        body: "{}",
      }),
      ctx({ workspaceId: W, modelId: SEED.models.restricted, exportId: "116000000101" }),
    );

    // Ada's catalogue read tells the tenant how many exports the model has; no list is read for the picker.
    const list = await exportsRoute.GET(
      req(`/api/workspaces/${W}/models/${M}/exports`, { cookie: ada }),
      ctx({ workspaceId: W, modelId: M }),
    );
    const exportCount = ((await list.json()) as { exports: unknown[] }).exports.length;
    expect(exportCount).toBeGreaterThan(1);

    const bruno = await readerFor(await signIn("bruno"));
    await stack.control.clearRequests();
    const facts = await pickerFacts(bruno);
    expect(facts[pickerKey(W, SEED.models.restricted)]).toEqual({ access: "no" });
    expect(facts[pickerKey(W, M)]).toMatchObject({
      access: "yes",
      exports: exportCount,
      exportsRun: 1,
      lastRun: { by: { email: SEED.users.ada.email, name: "Ada Lovelace" } },
    });
    // A model whose list nobody read shows no count rather than a guess.
    expect(facts[pickerKey(W, SEED.models.bigCatalogue)]?.exports).toBeUndefined();
    // Archived models are marked from the list: no access check for them.
    expect(facts[pickerKey(W, SEED.models.archived)]).toBeUndefined();
    const checked = (await statusReads()).length;
    expect(checked).toBe(Object.keys(facts).length);

    // Within five minutes the picker asks Anaplan nothing more.
    await stack.control.clearRequests();
    expect(await pickerFacts(bruno)).toEqual(facts);
    expect(await statusReads()).toHaveLength(0);
  });

  it("leave a model unknown, never wrong, when Anaplan cannot answer", async () => {
    const chloe = await readerFor(await signIn("chloe"));
    await stack.control.injectFault({ path: "/status$", status: 503, times: 50 });
    const facts = await pickerFacts(chloe);
    await stack.control.clearFaults();
    expect(Object.values(facts).map((f) => f.access)).toEqual(Object.values(facts).map(() => "unknown"));
    expect(Object.keys(facts).length).toBeGreaterThan(0);
  });
});
