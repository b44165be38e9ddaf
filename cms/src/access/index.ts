/**
 * Access rules of CONTRACT §5 as small named functions, shared by collections, globals and fields.
 *   admin  — everything, including users and partners
 *   editor — creates, edits and publishes content; no leads, orders, outbox or users
 *   sales  — works leads and orders; reads content (drafts included); edits no content
 */
import type { Access, FieldAccess, Where } from "payload";
import { hasRole } from "./roles.ts";

export { hasRole, roleOf } from "./roles.ts";

export const anyone: Access = () => true;
export const nobody: Access = () => false;

export const isAdmin: Access = ({ req }) => hasRole(req, "admin");
export const isStaff: Access = ({ req }) => hasRole(req, "admin", "editor", "sales");
export const isContentEditor: Access = ({ req }) => hasRole(req, "admin", "editor");
export const isSalesOrAdmin: Access = ({ req }) => hasRole(req, "admin", "sales");

/**
 * Customers' documents: sales and admins read their records, but nobody gets a stored file by
 * Payload's file URL (/api/materials/file/…: it is ciphertext); src/materials/ serves documents.
 */
export const isSalesOrAdminNotAsFile: Access = ({ req, isReadingStaticFile }) =>
  !isReadingStaticFile && hasRole(req, "admin", "sales");

const published: Where = { _status: { equals: "published" } };

/** Staff see drafts; everyone else sees published documents only. */
export const staffOrPublished: Access = ({ req }) =>
  hasRole(req, "admin", "editor", "sales") ? true : published;

/** Staff see every partner; the public sees active ones (for the partner strip and the widget). */
export const staffOrActivePartner: Access = ({ req }) =>
  hasRole(req, "admin", "editor", "sales") ? true : { active: { equals: true } };

/** Admins manage all users; everyone else sees and edits only their own account. */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole(req, "admin")) return true;
  if (!req.user) return false;
  return { id: { equals: req.user.id } };
};

/** Sales also see the sales team, so that leads and orders can be assigned to a colleague. */
export const readUsers: Access = ({ req }) => {
  if (hasRole(req, "admin")) return true;
  if (!req.user) return false;
  const self: Where = { id: { equals: req.user.id } };
  if (hasRole(req, "sales")) return { or: [self, { role: { in: ["admin", "sales"] } }] };
  return self;
};

export const adminField: FieldAccess = ({ req }) => hasRole(req, "admin");
/** Fields only the server writes (hooks, endpoints with overrideAccess): no client sets them. */
export const nobodyField: FieldAccess = () => false;
export const staffField: FieldAccess = ({ req }) => hasRole(req, "admin", "editor", "sales");

/** Content collections and globals: public reads published, staff read drafts, editors write. */
export const contentAccess = {
  read: staffOrPublished,
  readVersions: isStaff,
  create: isContentEditor,
  update: isContentEditor,
  delete: isContentEditor,
} satisfies Record<string, Access>;
