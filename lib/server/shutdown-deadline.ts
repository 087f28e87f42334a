/**
 * Next's server stops accepting connections on SIGTERM and waits for in-flight requests, with no limit:
 * a multi-gigabyte download would hold a container's shutdown open. This bounds the wait.
 */
export const SHUTDOWN_GRACE_MS = 8_000;

export function installShutdownDeadline(graceMs = SHUTDOWN_GRACE_MS): void {
  const onSignal = (signal: NodeJS.Signals) => {
    console.log(JSON.stringify({ level: "info", event: "shutdown", signal, graceMs }));
    setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), graceMs).unref();
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
