/**
 * Sent with every response Next.js answers. The page Content-Security-Policy is set per request in proxy.ts (it
 * carries a nonce); the standalone front (server/front.mjs) adds a fallback policy, and HSTS for an https APP_ORIGIN,
 * to every answer at run time — headers() here is evaluated once, at build time.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { securityHeaders, hsts } = require("./server/security-headers.cjs");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // One self-contained server folder for containers; `npm run build` also copies the static assets in.
  output: "standalone",
  outputFileTracingRoot: __dirname,
  // Loaded from node_modules at run time, not bundled: PGlite reads its WASM and data files next to its own code,
  // and pg has optional native parts. The standalone trace copies them; prepare-standalone adds the migrations.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // `PROFILE_BUILD=1 npm run build`: server code unminified and source-mapped, so a CPU profile (bench/profile-bff.ts) names our
  // functions. Never for production: larger bundles and slower cold starts.
  ...(process.env.PROFILE_BUILD === "1"
    ? { experimental: { turbopackMinify: { server: false }, serverSourceMaps: true } }
    : {}),
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // Behind TLS (Vercel, or a proxy that sets X-Forwarded-Proto), pin browsers to https.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [hsts],
      },
    ];
  },
};

module.exports = nextConfig;
