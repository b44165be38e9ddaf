import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  BACKOFF_MS,
  deliver,
  keepPending,
  newKey,
  PENDING_KEY,
  PENDING_MAX,
  PENDING_TTL_MS,
  RETRY_AFTER_MAX_MS,
  readPending,
  savePending,
  storageOf,
  submit,
  type TPending,
  type TStorage,
} from "./pending.ts";

/** A sessionStorage stand-in: a Map behind the three methods the store uses. */
function fakeStorage(): TStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  };
}

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);

const entry = (overrides: Partial<TPending> = {}): TPending => ({
  kind: "lead",
  url: "https://cms.example/api/public/leads",
  body: { name: "张三", phone: "13800138000", consent: { privacy: true } },
  key: "0b9e6f3c-1d2a-4c5b-9e8f-7a6b5c4d3e2f",
  createdAt: NOW,
  lang: "zh-CN",
  ...overrides,
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("the pending-submission store", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves and reads back the submission under beian-widget:pending, as a list", () => {
    const storage = fakeStorage();
    expect(savePending(storage, entry())).toBe(true);
    expect(JSON.parse(storage.data.get(PENDING_KEY) ?? "")).toMatchObject([
      { kind: "lead", key: entry().key, createdAt: NOW },
    ]);
    expect(readPending(storage, NOW + 1000)).toEqual([entry()]);
  });

  it("keeps submissions side by side by Idempotency-Key: a failed order does not replace a failed lead", () => {
    const storage = fakeStorage();
    const lead = entry({ key: "lead-key" });
    const order = entry({
      kind: "order",
      key: "order-key",
      url: "https://cms.example/api/public/orders",
    });
    savePending(storage, lead);
    savePending(storage, order);
    expect(readPending(storage, NOW)).toEqual([lead, order]);
    // the same key again (a resubmission) replaces its own entry only
    savePending(storage, { ...lead, createdAt: NOW + 5 });
    expect(readPending(storage, NOW).map((e) => [e.key, e.createdAt])).toEqual([
      ["order-key", NOW],
      ["lead-key", NOW + 5],
    ]);
  });

  it("drops the attempt an edited resubmission replaces, and keeps at most PENDING_MAX (the newest)", () => {
    const storage = fakeStorage();
    savePending(storage, entry({ key: "other" }));
    savePending(storage, entry({ key: "before-edit" }));
    savePending(storage, entry({ key: "after-edit" }), "before-edit");
    expect(readPending(storage, NOW).map((e) => e.key)).toEqual(["other", "after-edit"]);

    for (let i = 0; i < PENDING_MAX + 2; i++) savePending(storage, entry({ key: `k${i}` }));
    const keys = readPending(storage, NOW).map((e) => e.key);
    expect(keys).toHaveLength(PENDING_MAX);
    expect(keys.at(-1)).toBe(`k${PENDING_MAX + 1}`);
    expect(keys).not.toContain("other");
  });

  it("reads a single entry (not a list) as a list of one and rewrites it as a list", () => {
    const storage = fakeStorage();
    storage.setItem(PENDING_KEY, JSON.stringify(entry({ key: "old-format" })));
    expect(readPending(storage, NOW)).toEqual([entry({ key: "old-format" })]);
    savePending(storage, entry({ key: "new" }));
    expect(JSON.parse(storage.data.get(PENDING_KEY) ?? "").map((e: TPending) => e.key)).toEqual([
      "old-format",
      "new",
    ]);
  });

  it("keeps what a retry needs in the tab's sessionStorage, not the origin's localStorage", () => {
    const sessionStorage = fakeStorage();
    const localStorage = fakeStorage();
    expect(storageOf({ sessionStorage, localStorage } as never)).toBe(sessionStorage);
    const blocked = Object.defineProperty({}, "sessionStorage", {
      get: () => {
        throw new Error("SecurityError");
      },
    });
    expect(storageOf(blocked as never)).toBeUndefined();
  });

  it("expires entries after 30 minutes, each on its own, and drops malformed ones", () => {
    expect(PENDING_TTL_MS).toBe(30 * 60 * 1000);
    const storage = fakeStorage();
    savePending(storage, entry());
    expect(readPending(storage, NOW + PENDING_TTL_MS - 1)).toHaveLength(1);
    expect(readPending(storage, NOW + PENDING_TTL_MS)).toEqual([]);
    expect(storage.data.has(PENDING_KEY)).toBe(false);

    storage.setItem(PENDING_KEY, "{not json");
    expect(readPending(storage, NOW)).toEqual([]);
    expect(storage.data.has(PENDING_KEY)).toBe(false);
    storage.setItem(PENDING_KEY, JSON.stringify({ kind: "spam", url: 1 }));
    expect(readPending(storage, NOW)).toEqual([]);
    expect(storage.data.has(PENDING_KEY)).toBe(false);

    const fresh = entry({ key: "fresh", createdAt: NOW + 1000 });
    storage.setItem(PENDING_KEY, JSON.stringify([entry({ key: "stale" }), null, fresh]));
    expect(readPending(storage, NOW + PENDING_TTL_MS)).toEqual([fresh]);
    expect(JSON.parse(storage.data.get(PENDING_KEY) ?? "")).toEqual([fresh]);
  });

  it("keeps only the entries asked for: all but an answered key, all but one form's", () => {
    const storage = fakeStorage();
    savePending(storage, entry({ key: "older" }));
    savePending(storage, entry({ key: "order", kind: "order" }));
    savePending(storage, entry({ key: "newer" }));
    keepPending(storage, (e) => e.key !== "older");
    expect(readPending(storage, NOW).map((e) => e.key)).toEqual(["order", "newer"]);
    keepPending(storage, (e) => e.kind !== "lead");
    expect(readPending(storage, NOW).map((e) => e.key)).toEqual(["order"]);
    keepPending(storage, (e) => e.key !== "order");
    expect(readPending(storage, NOW)).toEqual([]);
    expect(storage.data.has(PENDING_KEY)).toBe(false);
  });

  it("survives a storage that throws (blocked or full)", () => {
    const broken: TStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(savePending(broken, entry())).toBe(false);
    expect(readPending(broken, NOW)).toEqual([]);
    expect(() => keepPending(broken, () => false)).not.toThrow();
    expect(savePending(undefined, entry())).toBe(false);
  });
});

describe("newKey", () => {
  it("uses crypto.randomUUID where there is one, else a v4 id from getRandomValues", () => {
    expect(newKey({ randomUUID: () => "from-random-uuid", getRandomValues: (a) => a })).toBe(
      "from-random-uuid",
    );
    const insecure = { getRandomValues: (array: Uint8Array) => crypto.getRandomValues(array) };
    const key = newKey(insecure);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("deliver", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("POSTs the JSON body with the idempotency key and language", async () => {
    const fetchFn = vi.fn(async (_url: string, _init: RequestInit) =>
      json(201, { id: 7, reference: "L-7K3M9Q" }),
    );
    const outcome = await deliver(entry({ lang: "en" }), { fetch: fetchFn });
    expect(outcome).toEqual({
      type: "created",
      data: { id: 7, reference: "L-7K3M9Q" },
    });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe("https://cms.example/api/public/leads");
    expect(init?.method).toBe("POST");
    expect(init?.headers).toMatchObject({
      "Content-Type": "application/json",
      "Accept-Language": "en",
      "Idempotency-Key": entry().key,
    });
    expect(JSON.parse(String(init?.body))).toEqual(entry().body);
  });

  it("retries network failures and 5xx after 1 s, 2 s, 4 s and 8 s, then gives up", async () => {
    expect(BACKOFF_MS).toEqual([1000, 2000, 4000, 8000]);
    const startedAt: number[] = [];
    const fetchFn = vi.fn(async () => {
      startedAt.push(Date.now() - NOW);
      if (startedAt.length % 2) throw new TypeError("Failed to fetch");
      return json(503, {});
    });
    const retries: [number, number][] = [];
    const pending = deliver(entry(), {
      fetch: fetchFn,
      onRetry: (attempt, delay) => retries.push([attempt, delay]),
    });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toEqual({ type: "failed", code: "network_error" });
    expect(startedAt).toEqual([0, 1000, 3000, 7000, 15000]);
    expect(retries).toEqual([
      [2, 1000],
      [3, 2000],
      [4, 4000],
      [5, 8000],
    ]);
  });

  it("stops retrying once the server answers, with the same key every time", async () => {
    const keys: string[] = [];
    let calls = 0;
    const fetchFn = vi.fn(async (_url: string, init?: RequestInit) => {
      keys.push((init?.headers as Record<string, string> | undefined)?.["Idempotency-Key"] ?? "");
      calls += 1;
      return calls < 3 ? json(502, {}) : json(201, { orderNo: "BA-2026-0001", materials: [] });
    });
    const pending = deliver(entry({ kind: "order" }), { fetch: fetchFn });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toMatchObject({
      type: "created",
      data: { orderNo: "BA-2026-0001" },
    });
    expect(keys).toEqual([entry().key, entry().key, entry().key]);
  });

  it("does not retry a 4xx and passes the server's error through", async () => {
    const error = {
      code: "validation_failed",
      message: "提交的信息有误",
      fields: { phone: "请输入有效的中国大陆手机号" },
    };
    const fetchFn = vi.fn(async () => json(400, { error }));
    await expect(deliver(entry(), { fetch: fetchFn })).resolves.toEqual({
      type: "rejected",
      error,
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it.each([400, 403, 404, 413, 415])("treats a %i as final, without a retry", async (status) => {
    const fetchFn = vi.fn(async () => new Response("no", { status }));
    await expect(deliver(entry(), { fetch: fetchFn })).resolves.toMatchObject({
      type: "rejected",
      error: { code: "validation_failed" },
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it("retries a 429 after its Retry-After, with the same key, until it is answered", async () => {
    const startedAt: number[] = [];
    const keys: string[] = [];
    const fetchFn = vi.fn(async (_url: string, init?: RequestInit) => {
      startedAt.push(Date.now() - NOW);
      keys.push((init?.headers as Record<string, string> | undefined)?.["Idempotency-Key"] ?? "");
      return startedAt.length < 3
        ? new Response('{"error":{"code":"rate_limited","message":"x"}}', {
            status: 429,
            headers: { "Retry-After": "5" },
          })
        : json(201, { id: 1, reference: "L-1" });
    });
    const retries: [number, number][] = [];
    const pending = deliver(entry(), {
      fetch: fetchFn,
      onRetry: (attempt, delay) => retries.push([attempt, delay]),
    });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toMatchObject({ type: "created", data: { reference: "L-1" } });
    expect(startedAt).toEqual([0, 5000, 10000]);
    expect(retries).toEqual([
      [2, 5000],
      [3, 5000],
    ]);
    expect(keys).toEqual([entry().key, entry().key, entry().key]);
  });

  it("caps a long Retry-After, falls back to the backoff without one, and ends as rate_limited", async () => {
    const afters = ["3600", "", "Wed, 21 Oct 2026 07:28:00 GMT", "0", "2"];
    const startedAt: number[] = [];
    const fetchFn = vi.fn(async () => {
      const after = afters[startedAt.length] ?? "";
      startedAt.push(Date.now() - NOW);
      return new Response("slow down", {
        status: 429,
        headers: after ? { "Retry-After": after } : {},
      });
    });
    const pending = deliver(entry(), { fetch: fetchFn });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toMatchObject({ type: "failed", code: "rate_limited" });
    expect(RETRY_AFTER_MAX_MS).toBe(30_000);
    // waits: capped 30 s, then 2 s, 4 s and 8 s of the backoff (no usable Retry-After)
    expect(startedAt).toEqual([0, 30000, 32000, 36000, 44000]);
  });
});

describe("submit", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("removes the stored submission once it is created", async () => {
    const storage = fakeStorage();
    savePending(storage, entry());
    await submit(storage, entry(), { fetch: async () => json(201, { reference: "L-1" }) });
    expect(storage.data.has(PENDING_KEY)).toBe(false);
  });

  it("removes it on a 4xx (it cannot succeed as it is), and only it", async () => {
    const storage = fakeStorage();
    savePending(storage, entry({ key: "other" }));
    savePending(storage, entry());
    await submit(storage, entry(), {
      fetch: async () => json(403, { error: { code: "origin_not_allowed", message: "x" } }),
    });
    expect(readPending(storage, NOW).map((e) => e.key)).toEqual(["other"]);
  });

  /** The attempts' waits together: when the last attempt has been made. */
  const ALL_ATTEMPTS_MS = BACKOFF_MS.reduce((sum, ms) => sum + ms, 0);

  it("keeps it, with its key, when every attempt is rate-limited (429)", async () => {
    const storage = fakeStorage();
    savePending(storage, entry());
    const fetchFn = vi.fn(async () =>
      json(429, { error: { code: "rate_limited", message: "请求过于频繁" } }),
    );
    const pending = submit(storage, entry(), { fetch: fetchFn });
    await vi.advanceTimersByTimeAsync(ALL_ATTEMPTS_MS);
    await expect(pending).resolves.toMatchObject({ type: "failed", code: "rate_limited" });
    expect(fetchFn).toHaveBeenCalledTimes(BACKOFF_MS.length + 1);
    expect(readPending(storage, Date.now())).toEqual([entry()]);
  });

  it("keeps it after the final failure, for the next page load, and deletes it when it expires", async () => {
    const storage = fakeStorage();
    savePending(storage, entry());
    const pending = submit(storage, entry(), {
      fetch: async () => {
        throw new TypeError("offline");
      },
    });
    await vi.advanceTimersByTimeAsync(ALL_ATTEMPTS_MS);
    await expect(pending).resolves.toEqual({ type: "failed", code: "network_error" });
    expect(storage.data.has(PENDING_KEY)).toBe(true);
    // the page stays open: at its expiry it is deleted, not only skipped by the next read
    await vi.advanceTimersByTimeAsync(PENDING_TTL_MS - ALL_ATTEMPTS_MS - 1);
    expect(storage.data.has(PENDING_KEY)).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(storage.data.has(PENDING_KEY)).toBe(false);
  });
});
