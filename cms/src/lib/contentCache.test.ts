import type { Payload } from "payload";
import { afterEach, expect, it, vi } from "vitest";
import { contentCache } from "./contentCache.ts";

const payload = {} as Payload;
afterEach(() => vi.useRealTimers());

it("reads once until forgotten or a minute has passed, and keeps no failed read", async () => {
  vi.useFakeTimers();
  let reads = 0;
  let fail = false;
  const texts = contentCache(async () => {
    reads += 1;
    if (fail) throw new Error("database gone");
    return `第 ${reads} 次`;
  });
  expect(await texts.get(payload)).toBe("第 1 次");
  expect(await texts.get(payload)).toBe("第 1 次");
  texts.forget(payload);
  expect(await texts.get(payload)).toBe("第 2 次");
  vi.advanceTimersByTime(60_001);
  fail = true;
  await expect(texts.get(payload)).rejects.toThrow("database gone");
  fail = false;
  expect(await texts.get(payload)).toBe("第 4 次");
  expect(reads).toBe(4);
});
