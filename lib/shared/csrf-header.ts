/** The header every state-changing request carries; a cross-site form or no-cors fetch cannot add it. */
export const CSRF_HEADER = "X-Export-Desk-CSRF";
