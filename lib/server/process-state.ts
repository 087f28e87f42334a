/**
 * In-process state shared by every bundle of this server process. Next compiles each route handler, each page
 * and proxy.ts into separate bundles, each with its own copy of a module's top-level variables; a Map kept on
 * globalThis (under a registered symbol) is the same object for all of them. Per process only: other instances
 * have their own (which is why sign-out also revokes the token upstream).
 */
export function processState<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`export-desk:${key}`);
  let value = store[symbol];
  if (value === undefined) {
    value = create();
    store[symbol] = value;
  }
  return value;
}
