import { describe, expect, it } from "vitest";
import { loginUrl, safeReturnTo } from "./return-to";
import { createLimiter } from "./concurrency";
import { finishedSince, latestByExport, sortTasks, upsertTask } from "./task-list";
import { apiPaths, pagePaths } from "./api-paths";
import { mutationHeaders } from "./api-client";

describe("safeReturnTo", () => {
  it("keeps same-origin paths only", () => {
    expect(safeReturnTo("/w/a/m/b?q=x")).toBe("/w/a/m/b?q=x");
    expect(safeReturnTo("https://evil.example")).toBe("/");
    expect(safeReturnTo("//evil.example")).toBe("/");
    expect(safeReturnTo("/\\evil.example")).toBe("/");
    expect(safeReturnTo("/login?returnTo=/x")).toBe("/");
    expect(safeReturnTo(undefined)).toBe("/");
    expect(safeReturnTo(["/a", "/b"])).toBe("/a");
  });
  it("builds the login URL", () => {
    expect(loginUrl("/", "sign-in")).toBe("/login?returnTo=%2F&reason=sign-in");
    expect(loginUrl("/w/1/m/2?q=a%20b", "expired")).toBe(
      "/login?returnTo=%2Fw%2F1%2Fm%2F2%3Fq%3Da%2520b&reason=expired",
    );
  });
});

describe("createLimiter", () => {
  it("runs at most N jobs at once", async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const job = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 7 }, () => limit(job)));
    expect(peak).toBe(2);
  });
});

describe("task lists", () => {
  const a = { taskId: "A", taskState: "IN_PROGRESS", creationTime: 1 };
  const b = { taskId: "B", taskState: "COMPLETE", creationTime: 2, result: { successful: true } };
  it("sorts newest first and upserts", () => {
    expect(sortTasks([a, b]).map((t) => t.taskId)).toEqual(["B", "A"]);
    expect(upsertTask([a], { ...a, taskState: "CANCELLING" })[0]?.taskState).toBe("CANCELLING");
    expect(upsertTask([a], b).map((t) => t.taskId)).toEqual(["B", "A"]);
  });
  it("finds tasks that just finished", () => {
    const done = { ...a, taskState: "COMPLETE", result: { successful: false } };
    expect(finishedSince([a, b], [done, b]).map((t) => [t.task.taskId, t.to])).toEqual([["A", "failed"]]);
    expect(finishedSince(undefined, [done])).toEqual([]);
  });
  it("keeps the latest task per export", () => {
    const m = latestByExport([
      { ...a, exportId: "1", exportName: "x" },
      { ...b, exportId: "1", exportName: "x" },
    ]);
    expect(m.get("1")?.taskId).toBe("B");
  });
});

describe("paths and headers", () => {
  it("matches the BFF contract", () => {
    expect(apiPaths.task("w", "m", "e", "t")).toBe("/api/workspaces/w/models/m/exports/e/tasks/t");
    expect(apiPaths.activity("w", "m")).toBe("/api/workspaces/w/models/m/tasks");
    expect(apiPaths.file("w", "m", "e")).toBe("/api/workspaces/w/models/m/exports/e/file");
    expect(pagePaths.task("w", "m", "e", "t")).toBe("/w/w/m/m/exports/e/tasks/t");
    expect(mutationHeaders()).toMatchObject({ "X-Export-Desk-CSRF": "1", "Content-Type": "application/json" });
  });
});

import { runLocaleFor, runLocaleLabel } from "./locales";
describe("runLocaleFor", () => {
  it("maps browser languages to offered Anaplan locales", () => {
    expect(runLocaleFor("en-GB")).toBe("en_GB");
    expect(runLocaleFor("fr-CA")).toBe("fr_FR");
    expect(runLocaleFor("xx")).toBe("en_US");
    expect(runLocaleFor(undefined)).toBe("en_US");
  });
  it("names the locale a run used, and says when it is Anaplan's default or not recorded", () => {
    expect(runLocaleLabel("en_GB")).toBe("English (United Kingdom)");
    expect(runLocaleLabel("fi_FI")).toBe("fi_FI");
    expect(runLocaleLabel(null)).toBe("Anaplan default");
    expect(runLocaleLabel(undefined)).toBe("Not recorded");
  });
});

import { withModelProgress } from "./task-list";
import type { Task } from "./types";
describe("withModelProgress", () => {
  it("fills progress of the task holding the model lock", () => {
    const tasks: Task[] = [
      { taskId: "ABC", taskState: "IN_PROGRESS" },
      { taskId: "DEF", taskState: "NOT_STARTED" },
    ];
    const out = withModelProgress(tasks, { taskId: "ABC-11", progress: 0.4, currentStep: "Processing Export" });
    expect(out[0]).toMatchObject({ progress: 0.4, currentStep: "Processing Export" });
    expect(out[1]?.progress).toBeUndefined();
    expect(withModelProgress(tasks, { taskId: null, progress: -1 })).toEqual(tasks);
    expect(withModelProgress(tasks, null)).toEqual(tasks);
  });
});

import { hasMalformedPageId } from "./ids";
describe("hasMalformedPageId", () => {
  const w = "8a81948849b9c4e2014a30802f5a02e4";
  const m = "75A40874E6B64FA3AE0743278996850F";
  it("finds an id of the wrong shape anywhere in a page address", () => {
    expect(hasMalformedPageId(`/w/${w}/m/NOTANID`)).toBe(true);
    expect(hasMalformedPageId(`/w/${w}/m/${m}/exports/12345`)).toBe(true);
    expect(hasMalformedPageId(`/w/${w}/m/${m}/exports/116000000001/tasks/${"z".repeat(32)}`)).toBe(true);
    expect(hasMalformedPageId(`/w/%E0%A4%A/m/${m}`)).toBe(true);
  });
  it("leaves good addresses and other pages alone", () => {
    expect(hasMalformedPageId("/")).toBe(false);
    expect(hasMalformedPageId("/login")).toBe(false);
    expect(hasMalformedPageId(`/w/${w}/m/${m}`)).toBe(false);
    expect(hasMalformedPageId(`/w/${w}/m/${m}/activity`)).toBe(false);
    expect(hasMalformedPageId(`/w/${w}/m/${m}/exports/116000000001/tasks/${"A".repeat(32)}`)).toBe(false);
  });
});
