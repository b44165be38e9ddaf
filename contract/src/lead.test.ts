import { describe, expect, it } from "vitest";
import { validateLead } from "./lead.ts";
import { INVALID_EMAILS, VALID_EMAILS } from "./testing/emailSamples.ts";

const valid = { name: "张三", phone: "13800138000", consent: { privacy: true } };

describe("lead contract", () => {
  it("accepts a minimal lead and normalises the phone", () => {
    const result = validateLead({ ...valid, phone: "+86 138-0013-8000" });
    expect(result).toEqual({ ok: true, data: { ...valid, phone: "13800138000" } });
  });

  it("names every bad field with a Chinese message, English on request", () => {
    const input = {
      name: "  ",
      phone: "12345",
      email: "nope",
      filingType: "company",
      consent: { privacy: false },
    };
    const zh = validateLead(input);
    expect(zh).toEqual({
      ok: false,
      error: {
        name: "请填写此项",
        phone: "请输入有效的中国大陆手机号",
        email: "请输入有效的邮箱地址",
        filingType: "请选择有效的备案类型",
        "consent.privacy": "请阅读并同意隐私政策",
      },
    });
    const en = validateLead(input, "en");
    expect(!en.ok && en.error.phone).toBe("Enter a valid mainland China mobile number");
  });

  it("requires the phone, the name and the privacy consent", () => {
    const result = validateLead({});
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.error).sort()).toEqual(["consent", "name", "phone"]);
  });

  it("calls a missing object required and a wrong-typed one invalid", () => {
    expect(validateLead({ ...valid, consent: undefined })).toEqual({
      ok: false,
      error: { consent: "请填写此项" },
    });
    expect(validateLead({ ...valid, consent: "yes", elapsedMs: "1" })).toEqual({
      ok: false,
      error: { consent: "格式不正确", elapsedMs: "格式不正确" },
    });
    expect(validateLead(null)).toEqual({ ok: false, error: { _: "格式不正确" } });
  });

  it("treats blank optional form fields as absent", () => {
    const result = validateLead({ ...valid, email: "", company: " ", filingType: "", message: "" });
    expect(result).toEqual({ ok: true, data: valid });
  });

  it("requires sharing consent through a partner, not on the agency's own site", () => {
    expect(validateLead({ ...valid, partner: "yunfan" })).toMatchObject({
      ok: false,
      error: { "consent.sharing": "请同意与合作伙伴共享信息" },
    });
    expect(
      validateLead({ ...valid, partner: "yunfan", consent: { privacy: true, sharing: true } }).ok,
    ).toBe(true);
    expect(validateLead({ ...valid, partner: "direct" }).ok).toBe(true);
  });

  it("lets no operator object or unknown key through", () => {
    expect(validateLead({ ...valid, phone: { $gt: "" } }).ok).toBe(false);
    expect(validateLead({ ...valid, partner: { $ne: null } }).ok).toBe(false);
    const result = validateLead(
      JSON.parse(
        '{"name":"李四","phone":"13800138000","consent":{"privacy":true},"__proto__":{"admin":true},"role":"admin"}',
      ),
    );
    expect(result.ok && Object.keys(result.data).sort()).toEqual(["consent", "name", "phone"]);
    expect(result.ok && (result.data as Record<string, unknown>).admin).toBeUndefined();
  });

  it("bounds every text", () => {
    expect(validateLead({ ...valid, message: "字".repeat(2001) })).toMatchObject({
      ok: false,
      error: { message: "内容过长" },
    });
  });

  it("checks emails exactly as strictly as the CMS's email field (Payload 3.90.2)", () => {
    const email = (value: string, locale?: "en") =>
      validateLead({ ...valid, email: value }, locale);
    for (const bad of INVALID_EMAILS) {
      expect(email(bad), bad).toEqual({ ok: false, error: { email: "请输入有效的邮箱地址" } });
    }
    expect(email("a..b@qq.com", "en")).toEqual({
      ok: false,
      error: { email: "Enter a valid email address" },
    });
    for (const good of VALID_EMAILS) {
      expect(email(good), good).toMatchObject({ ok: true, data: { email: good } });
    }
    expect(email("  wang@example.com ")).toMatchObject({
      ok: true,
      data: { email: "wang@example.com" },
    });
  });
});
