import { describe, expect, it } from "vitest";
// The English error texts, registered as the widget registers them where its English texts load.
import "../validation/english.ts";
import { checkSubmission, submissionBody } from "./submissionBody.ts";

const source = { pageUrl: "https://cloud.example.com/" };

describe("submissionBody", () => {
  it("nests order fields by their control names", () => {
    const body = submissionBody(
      "order",
      {
        filingType: "enterprise",
        "contact.name": "李四",
        "contact.phone": "+86 139-0000-0000",
        "entity.province": "zhejiang",
        "miniProgram.appId": "wx0123456789abcdef",
        "consent.privacy": true,
      },
      { partner: "direct", source, elapsedMs: 5123.4 },
    );
    expect(body).toMatchObject({
      filingType: "enterprise",
      contact: { name: "李四", phone: "+86 139-0000-0000", email: "" },
      entity: { name: "", province: "zhejiang" },
      miniProgram: { name: "", appId: "wx0123456789abcdef" },
      consent: { privacy: true },
      partner: "direct",
      source,
      elapsedMs: 5123,
    });
    expect(body).not.toHaveProperty("website");
  });

  it("adds sharing consent only through a partner, and a filled honeypot", () => {
    const body = submissionBody("lead", { website: "http://spam" }, { partner: "acme" });
    expect(body.consent).toEqual({ privacy: false, sharing: false });
    expect(body.website).toBe("http://spam");
  });
});

describe("checkSubmission", () => {
  it("validates with the contract and normalises what is sent", () => {
    const result = checkSubmission(
      "lead",
      { name: " 张三 ", phone: "138 0013 8000", email: "", "consent.privacy": true },
      { partner: "direct", source },
      "zh-CN",
    );
    expect(result).toEqual({
      ok: true,
      data: {
        name: "张三",
        phone: "13800138000",
        consent: { privacy: true },
        partner: "direct",
        source,
      },
    });
  });

  it("reports every field error at once, sharing consent included, in the chosen language", () => {
    const zh = checkSubmission("lead", { phone: "123" }, { partner: "acme" }, "zh-CN");
    expect(zh.ok).toBe(false);
    if (zh.ok) return;
    expect(Object.keys(zh.error).sort()).toEqual([
      "consent.privacy",
      "consent.sharing",
      "name",
      "phone",
    ]);
    expect(zh.error.phone).toBe("请输入有效的中国大陆手机号");
    const en = checkSubmission("order", { "consent.privacy": true }, { partner: "direct" }, "en");
    expect(en.ok).toBe(false);
    if (en.ok) return;
    expect(en.error["contact.phone"]).toBe("Enter a valid mainland China mobile number");
    expect(Object.keys(en.error)).toEqual(
      expect.arrayContaining(["filingType", "contact.name", "entity.province"]),
    );
  });

  it("answers exactly as the CMS's validateLead/validateOrder, messages included", async () => {
    const { validateLead, validateOrder } = await import("@beian/contract");
    const values = {
      name: "x".repeat(51),
      phone: "+86 139 1234 5678",
      email: "A@B.CN ",
      "consent.privacy": true,
    };
    for (const lang of ["zh-CN", "en"] as const) {
      const lead = checkSubmission("lead", values, { partner: "direct", source }, lang);
      const body = submissionBody("lead", values, { partner: "direct", source });
      expect(lead).toStrictEqual(validateLead(body, lang));
      const order = checkSubmission(
        "order",
        { "miniProgram.appId": "WX12" },
        { partner: "direct" },
        lang,
      );
      expect(order).toStrictEqual(
        validateOrder(
          submissionBody("order", { "miniProgram.appId": "WX12" }, { partner: "direct" }),
          lang,
        ),
      );
    }
  });
});
