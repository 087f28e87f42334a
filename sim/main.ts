/** CLI: `npm run sim` (env SIM_PORT, default 4010; SIM_HOST, default 127.0.0.1). */
import { startSimulator } from "./server";

async function main(): Promise<void> {
  const port = Number(process.env.SIM_PORT ?? 4010);
  const host = process.env.SIM_HOST ?? "127.0.0.1";
  const sim = await startSimulator({ port, host });
  console.log(`Anaplan simulator listening on ${sim.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error("Simulator failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
