import { MESSAGES } from "@beian/contract";
import { describe, expect, it } from "vitest";
import { fieldMessage } from "./fieldMessages.ts";

describe("fieldMessage", () => {
  it("answers Chinese, and English only once the English table is registered", async () => {
    expect(fieldMessage("phone_invalid", "zh-CN")).toBe("请输入有效的中国大陆手机号");
    // Asked for English before the English chunk has loaded: Chinese rather than nothing.
    expect(fieldMessage("phone_invalid", "en")).toBe("请输入有效的中国大陆手机号");
    await import("./english.ts");
    expect(fieldMessage("phone_invalid", "en")).toBe("Enter a valid mainland China mobile number");
    expect(fieldMessage("phone_invalid", "zh-CN")).toBe("请输入有效的中国大陆手机号");
  });

  it("gives every code the contract's text, and an unknown code the generic one", async () => {
    await import("./english.ts");
    for (const lang of ["zh-CN", "en"] as const) {
      for (const [code, text] of Object.entries(MESSAGES[lang])) {
        expect(fieldMessage(code, lang)).toBe(text);
      }
      expect(fieldMessage("idempotency_mismatch", lang)).toBe(MESSAGES[lang].invalid);
    }
  });
});
