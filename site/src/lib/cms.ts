/**
 * Reads published content from the CMS's REST API at build time. Anything but a clean answer
 * fails the build with a message that says what and where: the site is never published empty or
 * half-built (the previous release stays live).
 */
import { siteEnv } from "../env.ts";

export class CmsError extends Error {
  override name = "CmsError";
}

export async function fetchCms<T>(pathname: string): Promise<T> {
  const { CMS_URL } = siteEnv();
  const url = `${CMS_URL}/api${pathname}`;
  let response: Response;
  try {
    // Anonymous on purpose: the site is built from what the public may read (published only).
    response = await fetch(url, {
      headers: { Accept: "application/json", "Accept-Language": "zh-CN" },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new CmsError(
      `Cannot reach the CMS at ${CMS_URL} (GET ${url}): ${(error as Error).message}. ` +
        "Start it (pnpm start) or set CMS_URL.",
    );
  }
  if (!response.ok) {
    throw new CmsError(`The CMS answered ${response.status} for GET ${url}`);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new CmsError(`The CMS returned something other than JSON for GET ${url}`);
  }
}

/**
 * What the site reads of a document a collection's document links to (depth 1): a media
 * document's file and its description (`filename` because Payload derives `url` from it), a filing
 * type's slug and name. Everything else of them (image sizes, a filing type's materials and
 * selling points) stays in the CMS: with 5,000 cases that was most of the answer.
 */
const POPULATED_FIELDS: Record<string, readonly string[]> = {
  media: ["url", "filename", "alt", "mimeType", "width", "height"],
  "filing-types": ["slug", "name"],
};

/** Payload's REST `select` and `populate`: only `fields` of each document, and of what it links to. */
export function selectQuery(fields: readonly string[]): string {
  const selected = fields.map((field) => `select[${field}]=true`);
  const populated = Object.entries(POPULATED_FIELDS).flatMap(([collection, names]) =>
    names.map((name) => `populate[${collection}][${name}]=true`),
  );
  return [...selected, ...populated].join("&");
}

/**
 * Every published document of a collection, in display order, with only `fields` (and the id):
 * the site's schema for it names what the pages use.
 */
export async function fetchAll(
  collection: string,
  fields: readonly string[],
): Promise<Record<string, unknown>[]> {
  const body = await fetchCms<{ docs?: unknown }>(
    `/${collection}?pagination=false&depth=1&sort=order&${selectQuery(fields)}`,
  );
  if (!Array.isArray(body.docs)) {
    throw new CmsError(`The CMS's answer for ${collection} has no docs array`);
  }
  return body.docs as Record<string, unknown>[];
}

export function mediaUrl(url: string): string {
  return new URL(url, `${siteEnv().CMS_URL}/`).toString();
}
