import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside a React Server Components bundle; tests run server code directly.
      "server-only": path.resolve(__dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.{ts,tsx}", "sim/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    environment: "node",
    // The ledger tests copy one PGlite data folder instead of running initdb each time; build it once up front.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    // A worker opens its embedded ledger database in its first beforeEach: slower than 10 s on a loaded 2-core machine.
    hookTimeout: 60_000,
  },
});
