/**
 * Links into the admin's list and document views. Every number on the sales dashboard links to the
 * list filtered to exactly the documents it counts, in the form the list view reads and its filter
 * builder edits.
 */
import type { Where } from "payload";

const collectionsRoute = (adminRoute: string) => `${adminRoute.replace(/\/$/, "")}/collections`;

/**
 * Query-string parameters in the form the admin's list view reads (`where[status][equals]=new`):
 * brackets kept readable, values encoded.
 */
export function listHref(
  adminRoute: string,
  collection: string,
  params: Record<string, string>,
): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
  return `${collectionsRoute(adminRoute)}/${collection}${query ? `?${query}` : ""}`;
}

export function documentHref(adminRoute: string, collection: string, id: number | string): string {
  return `${collectionsRoute(adminRoute)}/${collection}/${id}`;
}

/** One condition of a list filter: a field's path, an operator and the value compared with. */
export type TCondition = [path: string, operator: string, value: string | string[] | boolean];

/** `{ or: [{ and: [...] }] }` as list-view parameters: the shape the admin's filter builder edits. */
export function whereParams(conditions: TCondition[]): Record<string, string> {
  const params: Record<string, string> = {};
  conditions.forEach(([path, operator, value], index) => {
    const base = `where[or][0][and][${index}][${path}][${operator}]`;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        params[`${base}[${i}]`] = item;
      });
    } else params[base] = String(value);
  });
  return params;
}

/** The same conditions as a query for the Local API, so a count and its list link agree. */
export function whereOf(conditions: TCondition[]): Where {
  return { and: conditions.map(([path, operator, value]) => ({ [path]: { [operator]: value } })) };
}
