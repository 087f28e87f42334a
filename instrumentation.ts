/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // A bad setting fails here with one sentence instead of at the first request.
    await import("./lib/config/startup-check");
    // TRUST_PROXY is read by lib/bff/client-address.ts until lib/config parses it: a bad value stops start-up here.
    (await import("./lib/bff/client-address")).trustProxyHops();
    const { installShutdownDeadline } = await import("./lib/server/shutdown-deadline");
    installShutdownDeadline();
    // Opens the ledger's database and applies its migrations (under a lock) without holding up start-up.
    const { startLedger } = await import("./lib/ledger/startup");
    startLedger();
  }
}
