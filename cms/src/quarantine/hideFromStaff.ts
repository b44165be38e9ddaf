/**
 * Suspected spam stays out of what staff list and count — the admin's lists, the REST API, the
 * sales dashboard, the CSV exports — unless they ask for it by filtering on `suspectedSpam` (the
 * 可疑提交 view). One document opened by its id (its page in the admin) is always there, so sales
 * can look at it and restore it. The server's own reads (`overrideAccess`: the public API, the
 * order lookup, retention) see everything.
 */
import type { CollectionBeforeOperationHook, Where } from "payload";
import { SUSPECTED_SPAM } from "./mark.ts";

export const GENUINE: Where = { [SUSPECTED_SPAM]: { exists: false } };
export const SUSPECTED: Where = { [SUSPECTED_SPAM]: { exists: true } };

/** The 可疑提交 view: the admin's list filtered to suspected spam (query-string parameters). */
export const SUSPECTED_LIST_PARAMS: Record<string, string> = {
  [`where[${SUSPECTED_SPAM}][exists]`]: "true",
};

/** Whether a filter names `field` anywhere (`{ or: [{ and: [{ field: … }] }] }` included). */
export function filtersOn(where: unknown, field: string): boolean {
  if (Array.isArray(where)) return where.some((item) => filtersOn(item, field));
  if (where === null || typeof where !== "object") return false;
  return Object.entries(where).some(([key, value]) => key === field || filtersOn(value, field));
}

export const hideSuspectedSpam: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
}) => {
  if (overrideAccess || (operation !== "read" && operation !== "count")) return args;
  const query = args as { id?: unknown; where?: Where };
  if (query.id !== undefined || filtersOn(query.where, SUSPECTED_SPAM)) return args;
  return { ...args, where: query.where ? { and: [query.where, GENUINE] } : GENUINE };
};
