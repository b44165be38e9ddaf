/**
 * How the scale bench times what a salesperson waits for: a page or an API answer read to its
 * last byte with the session's cookie (the admin's own login), the median of several runs after
 * one warm-up; and a CSV export streamed to its end while the CMS process's memory is sampled.
 */

import { residentBytes } from "./scaleCms.ts";
import { median } from "./table.ts";

export type TSession = { url: string; token: string; userId: number | string };

export async function loginAs(
  url: string,
  credentials: { email: string; password: string },
): Promise<TSession> {
  const response = await fetch(`${url}/api/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(credentials),
  });
  const body = (await response.json()) as { token?: string; user?: { id: number | string } };
  if (!response.ok || !body.token || !body.user) {
    throw new Error(`login as ${credentials.email}: HTTP ${response.status}`);
  }
  return { url, token: body.token, userId: body.user.id };
}

/**
 * The session as the admin's browser sends it: the cookie, and `Sec-Fetch-Site: same-origin`,
 * without which Payload (its CSRF rule) ignores the cookie and the admin answers with the login.
 */
export function browserHeaders(session: TSession): Record<string, string> {
  return { Cookie: `payload-token=${session.token}`, "Sec-Fetch-Site": "same-origin" };
}

/** One GET read to its end, with the session as its caller sends it. */
async function timeGet(session: TSession, target: string): Promise<{ ms: number; bytes: number }> {
  const startedAt = performance.now();
  const response = await fetch(`${session.url}${target}`, {
    headers: browserHeaders(session),
    redirect: "manual",
    signal: AbortSignal.timeout(120_000),
  });
  const body = await response.arrayBuffer();
  const ms = performance.now() - startedAt;
  if (response.status !== 200) {
    throw new Error(
      `GET ${target}: HTTP ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`,
    );
  }
  return { ms, bytes: body.byteLength };
}

export type TTiming = { medianMs: number; runs: number[]; bytes: number };

/** The median of `runs` reads after one warm-up (the first read compiles and fills caches). */
export async function medianGet(session: TSession, target: string, runs = 5): Promise<TTiming> {
  await timeGet(session, target);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const run = await timeGet(session, target);
    times.push(run.ms);
    bytes = run.bytes;
  }
  return { medianMs: median(times), runs: times.map(Math.round), bytes };
}

export type TExportRun = {
  rows: number;
  seconds: number;
  bytes: number;
  rssBeforeBytes: number;
  rssPeakBytes: number;
  /** Peak in the first and in the second half of the download: flat when the second is no higher. */
  rssPeakHalvesBytes: [number, number];
};

/** The CSV export read as a download, the CMS's memory sampled every 50 ms meanwhile. */
export async function timeExport(
  session: TSession,
  target: string,
  pid: number,
): Promise<TExportRun> {
  const rssBeforeBytes = residentBytes(pid);
  const samples: { at: number; bytes: number }[] = [];
  const sampler = setInterval(() => {
    samples.push({ at: performance.now(), bytes: residentBytes(pid) });
  }, 50);
  const startedAt = performance.now();
  try {
    const response = await fetch(`${session.url}${target}`, {
      headers: browserHeaders(session),
      signal: AbortSignal.timeout(600_000),
    });
    if (response.status !== 200 || !response.body) {
      throw new Error(
        `GET ${target}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`,
      );
    }
    let bytes = 0;
    let lines = 0;
    const reader = response.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength;
      for (const byte of next.value) if (byte === 10) lines++;
    }
    const endedAt = performance.now();
    samples.push({ at: endedAt, bytes: residentBytes(pid) });
    const half = (startedAt + endedAt) / 2;
    const peak = (from: number, to: number) =>
      Math.max(
        rssBeforeBytes,
        ...samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.bytes),
      );
    return {
      rows: lines - 1,
      seconds: (endedAt - startedAt) / 1000,
      bytes,
      rssBeforeBytes,
      rssPeakBytes: peak(startedAt, endedAt),
      rssPeakHalvesBytes: [peak(startedAt, half), peak(half, endedAt)],
    };
  } finally {
    clearInterval(sampler);
  }
}
