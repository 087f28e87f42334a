/** Sent with every response. The Content-Security-Policy is set per request in proxy.ts (it carries a nonce). */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // One self-contained server folder for containers; `npm run build` also copies the static assets in.
  output: "standalone",
  outputFileTracingRoot: __dirname,
  // Loaded from node_modules at run time, not bundled: PGlite reads its WASM and data files next to its own code,
  // and pg has optional native parts. The standalone trace copies them; prepare-standalone adds the migrations.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // Behind TLS (Vercel, or a proxy that sets X-Forwarded-Proto), pin browsers to https.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ];
  },
};

module.exports = nextConfig;
