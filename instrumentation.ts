/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // A bad setting fails here with one sentence instead of at the first request.
    await import("./lib/config/startup-check");
    const { installShutdownDeadline } = await import("./lib/server/shutdown-deadline");
    installShutdownDeadline();
    // Opens the ledger's database and applies its migrations (under a lock) without holding up start-up.
    const { startLedger } = await import("./lib/ledger/startup");
    startLedger();
  }
}
