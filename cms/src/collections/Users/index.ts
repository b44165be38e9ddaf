import { ROLES } from "@beian/contract";
import type { CollectionConfig } from "payload";
import { adminField, adminOrSelf, hasRole, isAdmin, readUsers } from "../../access/index.ts";
import type { TEnv } from "../../env.ts";
import { forgetFailedLogins, throttleLogins } from "./hooks/throttleLogins.ts";
import { throttlePasswordResets } from "./hooks/throttlePasswordResets.ts";

const ROLE_LABELS = {
  admin: { zh: "管理员", en: "Admin" },
  editor: { zh: "市场编辑", en: "Editor (marketing)" },
  sales: { zh: "销售", en: "Sales" },
} as const;

export const USERS_SLUG = "users";

/**
 * The staff accounts; `CMS_URL` is where the admin is served, which decides the session cookie, and
 * the LOGIN_* settings throttle failed logins.
 */
export const usersCollection = (env: TEnv): CollectionConfig => ({
  slug: USERS_SLUG,
  // No edit locks: they would show anyone logged in, editors included, which account an admin is
  // editing (/api/payload-locked-documents).
  lockDocuments: false,
  labels: {
    singular: { zh: "用户", en: "User" },
    plural: { zh: "用户", en: "Users" },
  },
  auth: {
    // No account is ever locked: that let any stranger lock any colleague out with five wrong
    // passwords. Failed logins are throttled per client address instead (hooks/throttleLogins.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    // Secure over https, so a browser never sends the session in clear; not over a local http CMS,
    // where a browser would drop a Secure cookie and nobody could log in.
    cookies: { sameSite: "Lax", secure: new URL(env.CMS_URL).protocol === "https:" },
    // Throttled by throttlePasswordResets instead (Payload's throttle breaks on SQLite).
    forgotPassword: { minRequestInterval: 0 },
  },
  hooks: {
    beforeOperation: [throttleLogins(env), throttlePasswordResets],
    afterLogin: [forgetFailedLogins(env)],
  },
  admin: {
    useAsTitle: "email",
    defaultColumns: ["name", "email", "role"],
    group: { zh: "系统", en: "System" },
    // Editors and sales manage their own account from the account page, not the user list.
    hidden: ({ user }) => user?.role !== "admin",
  },
  access: {
    admin: ({ req }) => hasRole(req, "admin", "editor", "sales"),
    create: isAdmin,
    read: readUsers,
    update: adminOrSelf,
    delete: isAdmin,
    // No account is ever locked, so nobody unlocks one: Payload's own POST /api/users/unlock would
    // otherwise tell any colleague "unlocked" and do nothing.
    unlock: () => false,
  },
  fields: [
    { name: "name", type: "text", label: { zh: "姓名", en: "Name" } },
    {
      name: "role",
      type: "select",
      label: { zh: "角色", en: "Role" },
      required: true,
      defaultValue: "editor",
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      saveToJWT: true,
      // Only an admin can grant or change a role: nobody promotes themselves.
      access: { create: adminField, update: adminField },
      admin: { position: "sidebar" },
    },
  ],
});
