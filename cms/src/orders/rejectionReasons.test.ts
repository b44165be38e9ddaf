import { describe, expect, it } from "vitest";
import { REJECTION_REASON_KEYS, REJECTION_REASONS, storedRejection } from "./rejectionReasons.ts";

describe("what an order stores of a rejection", () => {
  it("keeps sales's note as the suggestion", () => {
    expect(
      storedRejection({
        field: "principal_documents",
        reason: "documents_invalid",
        note: "  请上传身份证原件照片 ",
      }),
    ).toEqual({
      field: "负责人证件",
      reason: "证件电子版不合格(须为最新证件的原件照片或彩色扫描件)",
      suggestion: "请上传身份证原件照片",
    });
  });

  it("without a note (or a blank one), tells the customer the reason's fix", () => {
    const expected = {
      field: "联系电话",
      reason: "联系电话未接通",
      suggestion: "请保持备案信息中的联系电话畅通并注意接听审核来电,然后重新提交",
    };
    expect(storedRejection({ field: "contact_phone", reason: "phone_unreachable" })).toEqual(
      expected,
    );
    expect(
      storedRejection({ field: "contact_phone", reason: "phone_unreachable", note: "  " }),
    ).toEqual(expected);
  });

  it("has a fix of its own for every reason, in Chinese and in English", () => {
    const fixes = REJECTION_REASON_KEYS.map((key) => REJECTION_REASONS[key].fix);
    expect(new Set(fixes.map((fix) => fix.zh)).size).toBe(REJECTION_REASON_KEYS.length);
    for (const fix of fixes) {
      expect(fix.zh).toMatch(/^请[\u4e00-\u9fff]/);
      expect(fix.en).toMatch(/^[A-Z][a-z]/);
    }
  });
});
