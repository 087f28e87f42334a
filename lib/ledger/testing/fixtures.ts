import type { Task } from "@/lib/shared/types";
import type { Actor, LedgerScope } from "../types";

export const scope: LedgerScope = {
  tenantId: "8a81b08e4f6d2b43014fbe11ad2b0c52",
  workspaceId: "8A81B09D5E8C6F27015ECE3402487D33",
  modelId: "75A40874E6B64FA3AE0B41D0EBAB5F83",
};
export const otherModel: LedgerScope = { ...scope, modelId: "FC1B8E3A7D2C4B5A9E0F1D2C3B4A5968" };
export const otherTenant: LedgerScope = { ...scope, tenantId: "8a81b08e4f6d2b43014fbe11ad2b9999" };

export const ada: Actor = { userId: "8a81b011", email: "ada@example.com", name: "Ada Lovelace" };
export const grace: Actor = { userId: "8a81b022", email: "grace@example.com", name: "Grace Hopper" };

export const EXPORT = { id: "116000000001", name: "Revenue by region" };

export const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));

export function taskId(n: number): string {
  return n.toString(16).toUpperCase().padStart(32, "0");
}

export function task(n: number, taskState: string, extra: Partial<Task> = {}): Task {
  return { taskId: taskId(n), taskState, creationTime: at(n).getTime(), ...extra };
}

export const succeeded = (n: number) => task(n, "COMPLETE", { progress: 1, result: { successful: true } });
export const failed = (n: number, message = "The export could not be completed.") =>
  task(n, "COMPLETE", {
    progress: 1,
    result: { successful: false, details: [{ type: "exportFailed", localMessageText: message }] },
  });
