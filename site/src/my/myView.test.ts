import { describe, expect, it } from "vitest";
import { materialRows, resendIn, signedInAs, type TMyLabels } from "./myView.ts";

const labels = {
  myResendIn: "{seconds} 秒后可重新获取",
  mySignedInAs: "已登录:{phone}",
  myMaterialMissing: "待上传",
  myMaterialUploaded: "已上传,待审核",
  myMaterialAccepted: "已通过",
  myMaterialRejected: "需重新上传",
} as TMyLabels;

describe("the customer center's words", () => {
  it("names each checklist item's state, with the reason of a refused one only", () => {
    expect(
      materialRows(
        [
          { item: "身份证正面", required: true, status: "missing" },
          { item: "身份证反面", required: true, status: "uploaded", reason: "旧的" },
          { item: "营业执照", required: true, status: "rejected", reason: "证件电子版不合格" },
          { item: "承诺书", required: false, status: "accepted" },
        ],
        labels,
      ),
    ).toEqual([
      { item: "身份证正面", status: "missing", state: "待上传" },
      { item: "身份证反面", status: "uploaded", state: "已上传,待审核" },
      { item: "营业执照", status: "rejected", state: "需重新上传", reason: "证件电子版不合格" },
      { item: "承诺书", status: "accepted", state: "已通过" },
    ]);
  });

  it("counts down the resend and masks the signed-in phone", () => {
    expect(resendIn(42, labels)).toBe("42 秒后可重新获取");
    expect(signedInAs("13800138000", labels)).toBe("已登录:138****8000");
  });
});
