/** Validates configuration when the server starts, so a bad setting fails with one sentence instead of at the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/config/startup-check");
  }
}
