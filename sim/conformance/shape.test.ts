/** Self-tests of the field-for-field comparison (no simulator needed): it must be able to fail. */
import { describe, expect, it } from "vitest";

import { readFixture } from "./openapi";
import { compareShape, describeDifference, unexplainedDifferences } from "./shape";

const taskFixture = readFixture("task_success_response") as { task: Record<string, unknown> };

describe("shape comparison self-tests", () => {
  it("finds no difference between a fixture and itself", () => {
    expect(compareShape(taskFixture, structuredClone(taskFixture))).toEqual([]);
  });

  it("reports missing keys, extra keys and type changes with their paths", () => {
    const body = structuredClone(taskFixture) as {
      task: Record<string, unknown> & { result: Record<string, unknown> };
    };
    delete body.task.currentStep;
    body.task.cancelledBy = "Ada Lovelace";
    body.task.progress = "1";
    body.task.result.details = [{ localMessageText: "x", occurrences: 0, type: "t", values: [1] }];
    expect(compareShape(taskFixture, body).map(describeDifference)).toEqual([
      "missing key task.currentStep (fixture has string)",
      "type of task.progress: fixture number, simulator string",
      "type of task.result.details[].values[]: fixture string, simulator number",
      "extra key task.cancelledBy (string) not in the fixture",
    ]);
  });

  it("compares every element of an array against the fixture's element shape, reporting each difference once", () => {
    const fixture = readFixture("list_of_exports_response");
    const body = structuredClone(fixture) as { exports: Record<string, unknown>[] };
    body.exports.push({ id: "116000000003", name: "x" }, { id: "116000000004", name: "y" });
    expect(unexplainedDifferences(fixture, body)).toEqual(["missing key exports[].exportType (fixture has string)"]);
  });

  it("applies the allow-list by kind and exact path only", () => {
    const fixture = readFixture("create_task_response");
    const body = structuredClone(fixture) as { task: Record<string, unknown> };
    body.task.taskState = "NOT_STARTED";
    expect(unexplainedDifferences(fixture, body, [{ kind: "extra", path: "task.taskState", reason: "test" }])).toEqual(
      [],
    );
    expect(
      unexplainedDifferences(fixture, body, [{ kind: "missing", path: "task.taskState", reason: "test" }]),
    ).toHaveLength(1);
    expect(unexplainedDifferences(fixture, body, [{ kind: "extra", path: "taskState", reason: "test" }])).toHaveLength(
      1,
    );
  });

  it("refuses to pass an empty simulator array where the fixture has elements", () => {
    const fixture = readFixture("file_chunks_response");
    const body = structuredClone(fixture) as { chunks: unknown[] };
    body.chunks = [];
    expect(unexplainedDifferences(fixture, body)).toEqual([
      "empty array chunks in the simulator body: element shape not compared",
    ]);
  });
});
