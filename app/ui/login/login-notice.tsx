const OAUTH_ERRORS: Record<string, string> = {
  access_denied: "Sign-in with Anaplan was cancelled. Try again, or use your email and password.",
  state_mismatch: "That sign-in attempt expired or was started in another tab. Start again.",
  anaplan_unavailable: "Anaplan’s sign-in service cannot be reached right now. Try again in a moment.",
  oauth_not_configured: "Sign-in with Anaplan SSO is not set up for Export Desk. Use your email and password.",
  session_too_large: "Anaplan returned a sign-in Export Desk cannot keep. Tell your administrator.",
  oauth_failed: "Sign-in with Anaplan did not complete. Try again, or use your email and password.",
};

/**
 * Why the user is on the sign-in page (`?reason=`, see LoginReason): a session that ended or a cookie that could not
 * be read asks to sign in; "signed out" only after the user's own sign-out. Or an SSO error (`?error=`).
 */
export function LoginNotice({ reason, error }: { reason?: string; error?: string }) {
  if (error) {
    return (
      <p
        role="alert"
        className={[
          "rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-800",
          "dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200",
        ].join(" ")}
      >
        {OAUTH_ERRORS[error] ?? OAUTH_ERRORS.oauth_failed}
      </p>
    );
  }
  if (reason === "expired" || reason === "sign-in") {
    return (
      <p
        role="status"
        className={[
          "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900",
          "dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
        ].join(" ")}
      >
        {reason === "expired" ? "Your session has ended — please sign in to continue." : "Please sign in to continue."}
      </p>
    );
  }
  if (reason === "signed-out") {
    return (
      <p
        role="status"
        className={[
          "rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-700",
          "dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
        ].join(" ")}
      >
        You have signed out.
      </p>
    );
  }
  return null;
}
