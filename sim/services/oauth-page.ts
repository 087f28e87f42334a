/** The small, accessible HTML sign-in page of the simulated OAuth service. */

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export interface SignInPage {
  action: string;
  hidden: Record<string, string>;
  email?: string;
  error?: string;
  clientName: string;
}

export function signInPage(page: SignInPage): string {
  const hidden = Object.entries(page.hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("\n        ");
  const error = page.error ? `<p class="error" role="alert" id="signin-error">${escapeHtml(page.error)}</p>` : "";
  const describedBy = page.error ? ' aria-describedby="signin-error"' : "";
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in – Anaplan (simulator)</title>
  <style>
    :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f3f5f9; color: #1d2433; }
    main { width: min(24rem, calc(100vw - 2rem)); background: #fff; border-radius: 12px; padding: 2rem;
      box-shadow: 0 8px 24px rgba(20, 30, 60, .12); }
    h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
    p.sub { margin: 0 0 1.5rem; color: #4a5468; }
    label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
    input[type=email], input[type=password] { box-sizing: border-box; width: 100%; padding: .65rem .75rem; font-size: 1rem;
      border: 1px solid #8792a8; border-radius: 8px; }
    input:focus-visible, button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
    button { flex: 1; padding: .7rem; font-size: 1rem; border-radius: 8px; border: 0; cursor: pointer; font-weight: 600; }
    button.primary { background: #0b4fb3; color: #fff; }
    button.secondary { background: #e6e9f0; color: #1d2433; }
    .error { background: #fde8e8; color: #8a1c1c; border: 1px solid #f5b5b5; padding: .6rem .75rem; border-radius: 8px; }
    .hint { font-size: .85rem; color: #4a5468; margin-top: 1.25rem; }
  </style>
</head>
<body>
  <main>
    <h1>Sign in to Anaplan</h1>
    <p class="sub">${escapeHtml(page.clientName)} wants to access your Anaplan data.</p>
    ${error}
    <form method="post" action="${escapeHtml(page.action)}" novalidate>
        ${hidden}
      <label for="email">Email address</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(page.email ?? "")}"${describedBy}>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
      <div class="actions">
        <button class="primary" type="submit" name="decision" value="allow">Sign in</button>
        <button class="secondary" type="submit" name="decision" value="deny" formnovalidate>Cancel</button>
      </div>
    </form>
    <p class="hint">Simulated Anaplan sign-in for demos and tests.</p>
  </main>
</body>
</html>
`;
}
