// The security headers every answer carries. One list for next.config.js (pages, routes, assets) and for
// server/front.mjs (every answer of the standalone server, 404s, 405s and errors included).

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

const hsts = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

// For answers without a page's nonce policy (proxy.ts sets that one, and it replaces this): 404s, errors, API
// answers, assets. No inline script can run under it.
const fallbackCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

module.exports = { securityHeaders, hsts, fallbackCsp };
