/**
 * The few CMS REST calls the bench needs: log in, call the API with a token, wait for the site
 * publisher to settle. Plain fetch, so the bench measures the same API editors' browsers use.
 */

import { DEV_LOGINS } from "../../cms/src/devLogins.ts";
export const EDITOR = DEV_LOGINS.editor;
export const ADMIN = DEV_LOGINS.admin;

export type TCms = {
  url: string;
  token: string;
  request: <T>(method: string, apiPath: string, body?: unknown) => Promise<T>;
};

export async function login(
  cmsUrl: string,
  credentials: { email: string; password: string },
): Promise<TCms> {
  const response = await fetch(`${cmsUrl}/api/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) {
    throw new Error(`login as ${credentials.email} failed: HTTP ${response.status}`);
  }
  const { token } = (await response.json()) as { token?: string };
  if (!token) throw new Error(`login as ${credentials.email} returned no token`);

  const request = async <T>(method: string, apiPath: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${cmsUrl}/api${apiPath}`, {
      method,
      headers: {
        Authorization: `JWT ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      // A stuck request must not hang the whole bench.
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${apiPath}: HTTP ${response.status} ${text.slice(0, 500)}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { url: cmsUrl, token, request };
}

export type TPublishStatus = {
  state?: "idle" | "scheduled" | "building" | "succeeded" | "failed";
  durationMs?: number | null;
  finishedAt?: string | null;
  release?: string | null;
  error?: string | null;
};

export function publishStatus(cms: TCms): Promise<TPublishStatus> {
  return cms.request<TPublishStatus>("GET", "/globals/site-publish");
}

/**
 * Waits until the publisher neither waits for quiet nor builds, so one measurement does not start
 * inside the previous one's rebuild.
 */
export async function waitForPublisherIdle(
  cms: TCms,
  timeoutMs = 300_000,
): Promise<TPublishStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await publishStatus(cms);
    if (status.state !== "scheduled" && status.state !== "building") return status;
    if (Date.now() > deadline) {
      throw new Error(`the site publisher is still "${status.state}" after ${timeoutMs / 1000}s`);
    }
    await sleep(500);
  }
}

/** Published documents of a collection as the public sees them (no token: drafts excluded). */
export async function publicCount(cmsUrl: string, collection: string): Promise<number> {
  const response = await fetch(`${cmsUrl}/api/${collection}?limit=1&depth=0`);
  if (!response.ok) throw new Error(`GET /api/${collection}: HTTP ${response.status}`);
  const { totalDocs } = (await response.json()) as { totalDocs: number };
  return totalDocs;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
