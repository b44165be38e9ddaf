import { describe, expect, it } from "vitest";
import { localeFrom } from "./locale.ts";

describe("locale", () => {
  it("picks English only when preferred", () => {
    expect(localeFrom("en-US,en;q=0.9")).toBe("en");
    expect(localeFrom("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFrom("fr, en;q=0.5")).toBe("en");
    expect(localeFrom(undefined)).toBe("zh-CN");
  });
});
