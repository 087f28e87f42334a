import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { COOKIE, M, W, resetAll, signIn, startStack, type Stack } from "./helpers";

/** The cookie jar `cookies()` would return for the page being rendered. */
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) as string } : undefined),
    has: (name: string) => jar.has(name),
  }),
}));

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.sim.close();
});
beforeEach(async () => {
  jar.clear();
  await resetAll(stack.control);
});

/** Renders the model layout and one of its pages as Next does (both asked for the model context), then counts. */
async function listReads(render: () => Promise<unknown>): Promise<{ workspaces: number; models: number }> {
  jar.set(COOKIE, await signIn());
  await stack.control.clearRequests();
  await render();
  const paths = (await stack.control.requests()).map((r) => r.path.split("?")[0] ?? "");
  return {
    workspaces: paths.filter((p) => p.endsWith("/workspaces")).length,
    models: paths.filter((p) => p.endsWith("/models")).length,
  };
}

describe("a model page render", () => {
  const params = Promise.resolve({ workspaceId: W, modelId: M });

  it("reads the workspace list and the model list once for the catalogue", async () => {
    const { default: Layout } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/layout");
    const { default: Page } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/page");
    const reads = await listReads(() => Promise.all([Layout({ children: null, params }), Page({ params, searchParams: Promise.resolve({}) })]));
    expect(reads).toEqual({ workspaces: 1, models: 1 });
  });

  it("reads the workspace list and the model list once for an export", async () => {
    const { default: Layout } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/layout");
    const { default: Page } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/exports/[exportId]/page");
    const exportParams = Promise.resolve({ workspaceId: W, modelId: M, exportId: "116000000001" });
    const reads = await listReads(() => Promise.all([Layout({ children: null, params }), Page({ params: exportParams, searchParams: Promise.resolve({}) })]));
    expect(reads).toEqual({ workspaces: 1, models: 1 });
  });
});
