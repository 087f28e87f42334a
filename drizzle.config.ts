import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a new versioned migration from lib/db/schema.ts; commit it with the schema change.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
