import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  BACKOFF_MS,
  clearPending,
  deliver,
  newKey,
  PENDING_KEY,
  PENDING_TTL_MS,
  readPending,
  savePending,
  submit,
  type TPending,
  type TStorage,
} from "./pending.ts";

/** A localStorage stand-in: a Map behind the three methods the store uses. */
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
  it("saves and reads back the submission under beian-widget:pending", () => {
    const storage = fakeStorage();
    expect(savePending(storage, entry())).toBe(true);
    expect(JSON.parse(storage.data.get(PENDING_KEY) ?? "")).toMatchObject({
      kind: "lead",
      key: entry().key,
      createdAt: NOW,
    });
    expect(readPending(storage, NOW + 1000)).toEqual(entry());
  });

  it("expires entries after 24 h, and drops malformed ones", () => {
    const storage = fakeStorage();
    savePending(storage, entry());
    expect(readPending(storage, NOW + PENDING_TTL_MS - 1)).toBeDefined();
    expect(readPending(storage, NOW + PENDING_TTL_MS)).toBeUndefined();
    expect(storage.data.has(PENDING_KEY)).toBe(false);

    storage.setItem(PENDING_KEY, "{not json");
    expect(readPending(storage, NOW)).toBeUndefined();
    storage.setItem(PENDING_KEY, JSON.stringify({ kind: "spam", url: 1 }));
    expect(readPending(storage, NOW)).toBeUndefined();
    expect(storage.data.has(PENDING_KEY)).toBe(false);
  });

  it("clears only the entry with the given key", () => {
    const storage = fakeStorage();
    savePending(storage, entry({ key: "newer" }));
    clearPending(storage, "older");
    expect(readPending(storage, NOW)?.key).toBe("newer");
    clearPending(storage, "newer");
    expect(readPending(storage, NOW)).toBeUndefined();
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
    expect(readPending(broken, NOW)).toBeUndefined();
    expect(savePending(undefined, entry())).toBe(false);
  });
});

describe("newKey", () => {
  it("uses crypto.randomUUID where there is one, else a v4 id from getRandomValues", () => {
    expect(newKey({ randomUUID: () => "from-random-uuid", getRandomValues: (a) => a })).toBe(
      "from-random-uuid",
    );
    const insecure = { getRandomValues: (array: Uint8Array) => crypto.getRandomValues(array) };
    const key = newKey(insecure as unknown as Pick<Crypto, "getRandomValues">);
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
    const fetchFn = vi.fn(async () => json(201, { id: 7, reference: "L-7K3M9Q" }));
    const outcome = await deliver(entry({ lang: "en" }), { fetch: fetchFn });
    expect(outcome).toEqual({
      type: "created",
      status: 201,
      data: { id: 7, reference: "L-7K3M9Q" },
    });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("https://cms.example/api/public/leads");
    expect(init.method).toBe("POST");
    expect(init.headers).toMatchObject({
      "Content-Type": "application/json",
      "Accept-Language": "en",
      "Idempotency-Key": entry().key,
    });
    expect(JSON.parse(String(init.body))).toEqual(entry().body);
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
    await expect(pending).resolves.toEqual({ type: "failed" });
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
    const pending = deliver(entry({ kind: "order" }), { fetch: fetchFn as typeof fetch });
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
      status: 400,
      error,
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it("turns a 429 without a JSON body into rate_limited", async () => {
    const fetchFn = vi.fn(async () => new Response("slow down", { status: 429 }));
    await expect(deliver(entry(), { fetch: fetchFn })).resolves.toEqual({
      type: "rejected",
      status: 429,
      error: { code: "rate_limited", message: "" },
    });
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

  it("removes it on a 4xx (it cannot succeed as it is)", async () => {
    const storage = fakeStorage();
    savePending(storage, entry());
    await submit(storage, entry(), {
      fetch: async () => json(403, { error: { code: "origin_not_allowed", message: "x" } }),
    });
    expect(storage.data.has(PENDING_KEY)).toBe(false);
  });

  it("keeps it after the final failure, for the next page load", async () => {
    const storage = fakeStorage();
    savePending(storage, entry());
    const pending = submit(storage, entry(), {
      fetch: async () => {
        throw new TypeError("offline");
      },
    });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toEqual({ type: "failed" });
    expect(readPending(storage, Date.now())).toEqual(entry());
  });
});
