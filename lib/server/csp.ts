/**
 * The Content-Security-Policy for a page response. Next.js adds `nonce` to its own inline scripts
 * when the request carries this policy (set by proxy.ts), so no inline script runs without it.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { oauthOrigin?: string; development?: boolean } = {},
): string {
  const scriptSrc = [
    "'self'",
    `'nonce-${nonce}'`,
    "'strict-dynamic'",
    ...(options.development ? ["'unsafe-eval'"] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    // React's style attributes (progress bars) need inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${options.oauthOrigin ? ` ${options.oauthOrigin}` : ""}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
