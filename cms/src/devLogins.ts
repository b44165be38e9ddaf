/**
 * The accounts a development database is seeded with (never in production), written once: the seed
 * creates them, the README lists them, and tests and benchmarks log in with them.
 */
export const DEV_LOGINS = {
  admin: { email: "admin@example.com", password: "beian-admin-dev-2026" },
  editor: { email: "editor@example.com", password: "beian-editor-dev-2026" },
  sales: { email: "sales@example.com", password: "beian-sales-dev-2026" },
} as const;
