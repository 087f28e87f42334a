import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/lib/db/testing/test-databases";
import { pickerKey } from "@/lib/shared/picker";
import { modelSummaries } from "./model-summaries";
import { recordObservations } from "./record-observations";
import { recordRunStarted } from "./record-start";
import { runFacts } from "./run-facts";
import { ada, at, EXPORT, grace, otherModel, otherTenant, scope, task, taskId } from "./testing/fixtures";

const SECOND_EXPORT = { id: "116000000002", name: "Headcount by team" };

describe.each(ENGINES)("what the picker and the task page read from the ledger, on %s", (engine) => {
  let test: TestDatabase;
  const db = () => test.database.db;

  beforeAll(async () => {
    test = await createTestDatabase(engine);
    const start = (s: typeof scope, n: number, e: typeof EXPORT, by: typeof ada, locale: string | null) =>
      recordRunStarted(db(), {
        ...s,
        exportId: e.id,
        exportName: e.name,
        taskId: taskId(n),
        locale,
        startedBy: by,
        at: at(n),
      });
    await start(scope, 1, EXPORT, ada, "de_DE");
    await start(scope, 2, EXPORT, ada, null);
    await start(scope, 3, SECOND_EXPORT, grace, "en_GB");
    await start(otherTenant, 9, EXPORT, ada, "fr_FR");
    // Seen in a task list only: started outside Export Desk.
    await recordObservations(db(), otherModel, EXPORT.id, EXPORT.name, [task(4, "COMPLETE")], at(4));
  }, 60_000);
  afterAll(async () => {
    await test.drop();
  });

  it("gives each model its latest run and how many exports the team ran, for the asked tenant only", async () => {
    const nothing = { ...scope, modelId: "00000000000000000000000000000000" };
    const summaries = await modelSummaries(db(), scope.tenantId, [scope, otherModel, nothing]);
    expect(summaries.get(pickerKey(scope.workspaceId, scope.modelId))).toEqual({
      exportsRun: 2,
      lastRun: { at: at(3), exportName: SECOND_EXPORT.name, by: { email: grace.email, name: grace.name } },
    });
    expect(summaries.get(pickerKey(otherModel.workspaceId, otherModel.modelId))).toEqual({
      exportsRun: 1,
      lastRun: { at: at(4), exportName: EXPORT.name, by: null },
    });
    expect(summaries.has(pickerKey(nothing.workspaceId, nothing.modelId))).toBe(false);
    expect(await modelSummaries(db(), scope.tenantId, [])).toEqual(new Map());
  });

  it("knows the locale a run here was started with and when it finished, and no locale of a run started elsewhere", async () => {
    expect(await runFacts(db(), scope, taskId(1))).toEqual({ locale: "de_DE", finishedAt: null });
    expect((await runFacts(db(), { ...scope, modelId: scope.modelId.toLowerCase() }, taskId(3)))?.locale).toBe("en_GB");
    expect((await runFacts(db(), scope, taskId(2)))?.locale).toBeNull();
    expect(await runFacts(db(), otherModel, taskId(4))).toEqual({ locale: undefined, finishedAt: at(4) });
    expect(await runFacts(db(), scope, taskId(9))).toBeNull();
  });
});
