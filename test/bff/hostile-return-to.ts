/** Values a sign-in link may carry that must never send the browser anywhere but "/". */
export const HOSTILE_RETURN_TO = [
  "//evil.com", "/\\evil.com", "\\\\evil.com", "/\t/evil.com", "/%09/evil.com", "/\n/evil.com", " //evil.com",
  "https://evil.com", "https:evil.com", "HTTPS://evil.com", "/%2F%2Fevil.com", "/%5Cevil.com", "/%2f/evil.com", "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>", "/login?returnTo=/login", "/\r\nSet-Cookie:x=1",
  "/api/session", "/" + "a".repeat(4096), "", "evil.com", "/\u2028/evil.com",
];
