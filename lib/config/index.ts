import "server-only";
import { parseConfig, type AppConfig } from "./parse";

export type { AnaplanRateLimits, AppConfig } from "./parse";

let cached: AppConfig | undefined;

/** The validated configuration, read from the environment once per process. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests only: forget the cached configuration so the next getConfig() reads the environment again. */
export function resetConfigForTests(): void {
  cached = undefined;
}
