/**
 * The headers every CMS response carries: Next's config adds them to what Next answers
 * (next.config.ts), the direct public API to what it answers (server.ts).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "SAMEORIGIN",
};
