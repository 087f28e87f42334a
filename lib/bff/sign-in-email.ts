/**
 * What counts as an email at sign-in. Anaplan's Basic header is `email:password` and Anaplan splits at the first
 * colon, so a colon in the email would move part of it into the password — and give the limits a fresh key.
 */
export const MAX_EMAIL_LENGTH = 254;

// Control (Cc), format (Cf: bidi, zero-width) and separator (Z) characters would make look-alike keys.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Z}\s:]/u;

export function isSignInEmail(value: string): boolean {
  if (value.length === 0 || value.length > MAX_EMAIL_LENGTH || FORBIDDEN.test(value)) return false;
  const parts = value.split("@");
  return parts.length === 2 && parts[0] !== "" && parts[1] !== "";
}

/** The form the limits count by: Anaplan user names are case-insensitive. */
export function emailKey(email: string): string {
  return email.normalize("NFC").toLowerCase();
}
