import { ConfigError, parseConfig } from "./parse";

try {
  parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Export Desk cannot start: ${error.message}`);
  process.exit(1);
}
