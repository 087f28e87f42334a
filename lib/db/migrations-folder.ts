import path from "node:path";

/**
 * The versioned SQL migrations. Resolved from the working directory: the project root under `next dev`, tests and
 * scripts, and `.next/standalone` for the standalone server (which chdirs there; prepare-standalone copies them in).
 */
export function migrationsFolder(): string {
  return path.resolve(process.cwd(), "lib", "db", "migrations");
}
