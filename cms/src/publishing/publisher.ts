/**
 * Rebuilds the static site when published content changes (issue: publish to live).
 *
 * Changes are debounced: the build starts once edits have been quiet for `quietMs`, and at most
 * `maxWaitMs` after the first one, so a burst of publishes makes one build. One build runs at a
 * time; changes during a build schedule exactly one more. With SITE_BUILD_HOOK_URL the deploy hook
 * is called; otherwise the site's release script builds into a new folder and swaps it in
 * atomically. The outcome is written to the `site-publish` global for editors to see.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { Payload } from "payload";
import type { TPublishState } from "../globals/SitePublish/index.ts";
import type { SitePublish } from "../payload-types.ts";

export type TPublisherOptions = {
  hookUrl?: string | undefined;
  siteDir?: string | undefined;
  quietMs: number;
  maxWaitMs: number;
  /** Environment for the local build (the CMS URL it reads content from, the site URL). */
  buildEnv: Record<string, string>;
};

export type TBuildResult = { ok: true; release?: string } | { ok: false; error: string };

/** One build as this process ran it: what the document's 已上线 / 更新失败 is read from. */
export type TBuildRecord = {
  reasons: string[];
  startedAt: number;
  finishedAt?: number;
  ok?: boolean;
  error?: string;
};

export type TSitePublisher = {
  schedule: (reason: string) => void;
  /** The builds this process ran (the last HISTORY_SIZE), oldest first. */
  history: () => readonly TBuildRecord[];
  /** Whether a build is scheduled or running (a change made now is not live yet). */
  busy: () => boolean;
  /** Resolves when nothing is scheduled, building or being recorded (tests, shutdown). */
  idle: () => Promise<void>;
};

const LOG_TAIL = 4_000;
const HISTORY_SIZE = 50;

type TStatus = Omit<SitePublish, "id" | "updatedAt" | "createdAt">;

type TStatusRecorder = {
  record: (state: TPublishState, data?: TStatus) => Promise<void>;
  /** Resolves when every state recorded so far is written. */
  written: () => Promise<void>;
};

/**
 * The `site-publish` global. The whole status is written each time (a global update replaces the
 * fields it is given), one write after another, so a later state never lands before an earlier one.
 */
function statusRecorder(payload: Payload): TStatusRecorder {
  let status: TStatus = {};
  let writes = Promise.resolve();
  const write = async (data: TStatus) => {
    try {
      await payload.updateGlobal({
        slug: "site-publish",
        data,
        overrideAccess: true,
        context: { sitePublish: "skip" },
      });
    } catch (error) {
      payload.logger.error({ err: error, msg: "site publisher: could not record state" });
    }
  };
  return {
    record(state, data = {}) {
      status = { ...status, ...data, state };
      const snapshot = status;
      writes = writes.then(() => write(snapshot));
      return writes;
    },
    written: () => writes,
  };
}

/** One build (deploy hook or local release), from "building" to its outcome, recorded. */
async function publish(
  payload: Payload,
  recorder: TStatusRecorder,
  options: TPublisherOptions,
  reason: string,
  record: TBuildRecord,
): Promise<void> {
  const startedAt = new Date(record.startedAt);
  await recorder.record("building", { reason, startedAt: startedAt.toISOString(), error: null });
  const result = options.hookUrl
    ? await callHook(options.hookUrl, reason)
    : await buildLocally(options);
  const finishedAt = new Date();
  Object.assign(record, {
    finishedAt: finishedAt.getTime(),
    ok: result.ok,
    ...(result.ok ? {} : { error: result.error.slice(-LOG_TAIL) }),
  });
  const timing = {
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  };
  if (result.ok) {
    payload.logger.info(`site publisher: live in ${timing.durationMs} ms (${reason})`);
    await recorder.record("succeeded", {
      ...timing,
      lastSuccessAt: timing.finishedAt,
      ...(result.release ? { release: result.release } : {}),
    });
  } else {
    payload.logger.error(`site publisher: build failed, previous site stays live: ${result.error}`);
    await recorder.record("failed", { ...timing, error: result.error.slice(-LOG_TAIL) });
  }
}

export function createSitePublisher(payload: Payload, options: TPublisherOptions): TSitePublisher {
  const recorder = statusRecorder(payload);
  let quietTimer: NodeJS.Timeout | undefined;
  let firstRequestAt: number | undefined;
  let reasons: string[] = [];
  let building = false;
  let again = false;
  let idleWaiters: (() => void)[] = [];
  const history: TBuildRecord[] = [];

  const settle = () => {
    if (building || quietTimer) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    void recorder.written().then(() => {
      for (const resolve of waiters) resolve();
    });
  };

  const run = async () => {
    quietTimer = undefined;
    firstRequestAt = undefined;
    const reason = summarise(reasons);
    // Recorded as started now, before the build reads any content: a change saved before this
    // moment is in this build.
    const record: TBuildRecord = { reasons: [...new Set(reasons)], startedAt: Date.now() };
    history.push(record);
    if (history.length > HISTORY_SIZE) history.shift();
    reasons = [];
    building = true;
    await publish(payload, recorder, options, reason, record);
    building = false;
    if (again) {
      again = false;
      schedule("changes during the last build");
    }
    settle();
  };

  const schedule = (reason: string) => {
    reasons.push(reason);
    if (building) {
      again = true;
      return;
    }
    const now = Date.now();
    firstRequestAt ??= now;
    if (quietTimer) clearTimeout(quietTimer);
    const wait = Math.max(0, Math.min(options.quietMs, firstRequestAt + options.maxWaitMs - now));
    if (!quietTimer) void recorder.record("scheduled", { reason: summarise(reasons) });
    quietTimer = setTimeout(() => void run(), wait);
  };

  return {
    schedule,
    history: () => history,
    busy: () => building || quietTimer !== undefined,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settle();
      }),
  };
}

function summarise(reasons: string[]): string {
  const unique = [...new Set(reasons)];
  const head = unique.slice(0, 5).join(", ");
  return unique.length > 5 ? `${head} … (+${unique.length - 5})` : head;
}

async function callHook(url: string, reason: string): Promise<TBuildResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason }),
      signal: AbortSignal.timeout(30_000),
    });
    return response.ok
      ? { ok: true }
      : { ok: false, error: `build hook answered ${response.status}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `build hook unreachable: ${message}` };
  }
}

function buildLocally(options: TPublisherOptions): Promise<TBuildResult> {
  const { siteDir } = options;
  if (!siteDir) return Promise.resolve({ ok: false, error: "no SITE_DIR to build" });
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(process.execPath, [path.join(siteDir, "scripts", "release.ts")], {
      cwd: siteDir,
      env: { ...process.env, ...options.buildEnv, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-LOG_TAIL * 4);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => resolve({ ok: false, error: error.message }));
    child.on("exit", (code) => {
      const release = /^release: (\S+)$/m.exec(output)?.[1];
      resolve(
        code === 0
          ? { ok: true, ...(release ? { release } : {}) }
          : { ok: false, error: output.trim() || `site build exited with ${code}` },
      );
    });
  });
}
