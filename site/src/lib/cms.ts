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

/** Every published document of a collection, in display order. */
export async function fetchAll(collection: string): Promise<Record<string, unknown>[]> {
  const body = await fetchCms<{ docs?: unknown }>(
    `/${collection}?pagination=false&depth=1&sort=order`,
  );
  if (!Array.isArray(body.docs)) {
    throw new CmsError(`The CMS's answer for ${collection} has no docs array`);
  }
  return body.docs as Record<string, unknown>[];
}

export function mediaUrl(url: string): string {
  return new URL(url, `${siteEnv().CMS_URL}/`).toString();
}
