import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExportDefinition, Model, Task, User, Workspace } from "@/lib/shared/types";
import { FIXTURES_DIR as FIXTURES } from "@/sim/conformance/openapi";
import type { AnaplanFile, FileChunk } from "./api";
import * as s from "./schemas";

// The recorded bodies (Anaplan Connect's test resources) live with the conformance tests, which read them too.

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as unknown;
}

describe("recorded Anaplan fixtures parse", () => {
  it("auth: authenticate and refresh", () => {
    const auth = s.authTokenResponse.parse(fixture("auth_response.json"));
    expect(auth.tokenInfo).toMatchObject({ tokenValue: "authentication-token", expiresAt: 1505177912858 });
    expect(auth.tokenInfo.refreshTokenId).toBe("4ed163b0-9751-11e7-9719-d36c7a73a3b4");
    const refreshed = s.authTokenResponse.parse(fixture("auth_refresh_token.json"));
    expect(refreshed.tokenInfo.tokenValue).toBe("refresh-token-value");
  });

  it("users/me", () => {
    const user: User = s.userResponse.parse(fixture("users_me.json")).user;
    expect(user).toEqual({ id: "testUserId", email: "joe.smith@anaplan.com", firstName: "Joe", lastName: "Smith" });
  });

  it("workspaces list and single workspace", () => {
    const page = s.workspacesPage.parse(fixture("list_of_workspaces_response.json"));
    const workspaces: Workspace[] = page.workspaces;
    expect(workspaces).toHaveLength(4);
    expect(workspaces[1]).toMatchObject({
      id: "8a81948849b9c4e2014a30802f5a02e4",
      active: true,
      sizeAllowance: 1073741824,
    });
    expect(page.meta?.paging).toMatchObject({ totalSize: 4, currentPageSize: 4, offset: 0 });
    expect(s.workspaceResponse.parse(fixture("workspace_response.json")).workspace.name).toBe("Workspace A");
  });

  it("models: list (with a bogus next link), pages, single model", () => {
    const models: Model[] = s.modelsPage.parse(fixture("list_of_models_response.json")).models;
    expect(models.map((m) => m.activeState)).toEqual(["UNLOCKED", "UNLOCKED", "UNLOCKED", "UNLOCKED"]);
    const p1 = s.modelsPage.parse(fixture("page1_response.json"));
    const p2 = s.modelsPage.parse(fixture("page2_response.json"));
    expect(p1.meta?.paging?.totalSize).toBe(6);
    // Hand-edited fixture: says 2 on the page but carries 3; both are accepted.
    expect(p2.models).toHaveLength(3);
    expect(s.modelResponse.parse(fixture("model_response.json")).model.id).toBe("testModelGuid");
  });

  it("an empty list has no collection key", () => {
    const page = s.modelsPage.parse(fixture("empty_response.json"));
    expect(page.models).toEqual([]);
    expect(page.meta?.paging?.totalSize).toBe(0);
    expect(s.tasksPage.parse(fixture("empty_response.json")).tasks).toEqual([]);
  });

  it("exports (open-ended exportType)", () => {
    const exports: ExportDefinition[] = s.exportsPage.parse(fixture("list_of_exports_response.json")).exports;
    expect(exports).toEqual([
      { id: "116000000001", name: "Export 0", exportType: "GRID_CURRENT_PAGE" },
      { id: "116000000002", name: "Export 1", exportType: "TABULAR_MULTI_COLUMN" },
    ]);
  });

  it("files, chunks and a created file", () => {
    const files: AnaplanFile[] = s.filesPage.parse(fixture("list_of_files_response.json")).files;
    expect(files[1]).toMatchObject({ id: "113000000027", chunkCount: 2, separator: ",", encoding: "ISO-8859-1" });
    const one: FileChunk[] = s.chunksPage.parse(fixture("file_chunks_response.json")).chunks;
    expect(one).toEqual([{ id: "0", name: "Chunk 0" }]);
    const two = s.chunksPage.parse(fixture("file_multi_chunks_response.json")).chunks;
    expect(two.map((c) => c.id)).toEqual(["0", "1"]);
    expect(s.singleSchema("file", s.fileSchema).parse(fixture("create_file_response.json")).file.chunkCount).toBe(0);
  });

  it("tasks: created (taskId only), import and process results", () => {
    const created: Task = s.createdTaskResponse.parse(fixture("create_task_response.json")).task;
    expect(created).toMatchObject({ taskId: "task-id", taskState: "NOT_STARTED" });
    const task: Task = s.taskResponse.parse(fixture("task_success_response.json")).task;
    expect(task.taskState).toBe("COMPLETE");
    expect(task.result?.successful).toBe(true);
    expect(task.result?.details?.[0]?.values).toContain("hierarchyName");
    const proc: Task = s.taskResponse.parse(fixture("process_success_response.json")).task;
    expect(proc.result).toMatchObject({ successful: true, objectId: "118000000006" });
  });

  it("other action lists parse as plain id/name collections", () => {
    for (const [file, key] of [
      ["list_of_actions_response.json", "actions"],
      ["list_of_imports_response.json", "imports"],
      ["list_of_processes_response.json", "processes"],
      ["list_of_modules_response.json", "modules"],
    ] as const) {
      const page = s.pageSchema(key, s.exportDefinitionSchema).parse(fixture(file)) as unknown as Record<
        string,
        unknown[]
      >;
      expect(page[key]).toHaveLength(2);
    }
  });

  it("every fixture file is covered by a test above", () => {
    const covered = new Set([
      "auth_response.json",
      "auth_refresh_token.json",
      "users_me.json",
      "list_of_workspaces_response.json",
      "workspace_response.json",
      "list_of_models_response.json",
      "page1_response.json",
      "page2_response.json",
      "model_response.json",
      "empty_response.json",
      "list_of_exports_response.json",
      "list_of_files_response.json",
      "file_chunks_response.json",
      "file_multi_chunks_response.json",
      "create_file_response.json",
      "create_task_response.json",
      "task_success_response.json",
      "process_success_response.json",
      "list_of_actions_response.json",
      "list_of_imports_response.json",
      "list_of_processes_response.json",
      "list_of_modules_response.json",
    ]);
    const present = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));
    expect(present.filter((f) => !covered.has(f))).toEqual([]);
  });
});

describe("schemas accept what Anaplan sends and refuse what would break the app", () => {
  it("tolerates unknown fields, null and wrongly typed cosmetic fields, numeric ids", () => {
    const task = s.taskSchema.parse({
      taskId: "F362B99442C54425970E200037D48A91",
      taskState: "SOME_FUTURE_STATE",
      creationTime: "1787000000000",
      progress: null,
      currentStep: 7,
      brandNew: { nested: true },
    });
    expect(task).toEqual({
      taskId: "F362B99442C54425970E200037D48A91",
      taskState: "SOME_FUTURE_STATE",
      creationTime: 1787000000000,
    });
    expect(s.exportDefinitionSchema.parse({ id: 116000000001, name: "x" }).id).toBe("116000000001");
  });

  it("refuses a task without id or state, an export without a name, a result without `successful`", () => {
    expect(s.taskSchema.safeParse({ taskState: "COMPLETE" }).success).toBe(false);
    expect(s.taskSchema.safeParse({ taskId: "A" }).success).toBe(false);
    expect(s.taskSchema.safeParse({ taskId: "", taskState: "COMPLETE" }).success).toBe(false);
    expect(s.exportDefinitionSchema.safeParse({ id: "116000000001" }).success).toBe(false);
    expect(s.taskSchema.safeParse({ taskId: "A", taskState: "COMPLETE", result: { objectId: "1" } }).success).toBe(
      false,
    );
    expect(s.exportsPage.safeParse({ exports: {} }).success).toBe(false);
    expect(s.authTokenResponse.safeParse({ tokenInfo: { tokenValue: "", expiresAt: 1 } }).success).toBe(false);
  });

  it("describes a mismatch by path and code, without values", () => {
    const result = s.exportsPage.safeParse({ exports: [{ id: "1", name: "SECRET_VALUE_xyz" }, { id: "2" }] });
    expect(result.success).toBe(false);
    if (!result.success) {
      const text = s.describeIssues(result.error);
      expect(text).toContain("exports.1.name");
      expect(text).not.toContain("SECRET_VALUE");
    }
  });
});
