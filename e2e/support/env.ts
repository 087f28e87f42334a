/** Where the end-to-end suite runs its simulator and app (apart from the demo's 4010/3000). */
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4123);
export const APP_PORT = Number(process.env.E2E_PORT ?? 3123);
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;

/** Test-only secret; never a production value. */
export const E2E_SESSION_SECRET = "e2e-session-secret-0123456789abcdef-not-for-production";

/** Prefix of every token the simulator issues during the end-to-end run. */
export const TOKEN_SENTINEL = "TKN_SENTINEL_";

/** Where the app under test writes its stdout and stderr, for the log-hygiene check. */
export const APP_LOG = "test-results/app-server.log";

/** The balancer of the several-instances tests (its instances listen on the next two ports). */
export const LB2_PORT = Number(process.env.E2E_LB_PORT ?? 3140);
