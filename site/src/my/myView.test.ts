import { describe, expect, it } from "vitest";
import { materialRows, resendIn, signedInAs, type TMyLabels } from "./myView.ts";

const labels = {
  myResendIn: "{seconds} 秒后可重新获取",
  mySignedInAs: "已登录:{phone}",
  myMaterialMissing: "待上传",
  myMaterialUploaded: "已上传,待审核",
  myMaterialAccepted: "已通过",
  myMaterialRejected: "需重新上传",
  myUpload: "上传",
  myReupload: "重新上传",
  myOptional: "(选填)",
  myFix: "怎么做:",
} as TMyLabels;

describe("the customer center's words", () => {
  it("names each slot's state; a refused one's reason and fix; upload where the customer may", () => {
    expect(
      materialRows(
        [
          { item: "身份证(人像面)", required: true, status: "missing", uploadable: true },
          {
            item: "身份证(国徽面)",
            required: true,
            status: "uploaded",
            id: "7",
            uploadable: true,
            reason: "旧的",
          },
          {
            item: "营业执照",
            required: true,
            status: "rejected",
            id: "8",
            uploadable: true,
            reason: "证件电子版不合格",
            fix: "请在自然光下重拍",
          },
          { item: "其他补充材料", required: false, status: "accepted", id: "9", uploadable: false },
        ],
        labels,
      ),
    ).toEqual([
      {
        item: "身份证(人像面)",
        title: "身份证(人像面)",
        status: "missing",
        state: "待上传",
        upload: "上传",
      },
      {
        item: "身份证(国徽面)",
        title: "身份证(国徽面)",
        status: "uploaded",
        state: "已上传,待审核",
        id: "7",
        upload: "重新上传",
      },
      {
        item: "营业执照",
        title: "营业执照",
        status: "rejected",
        state: "需重新上传",
        reason: "证件电子版不合格",
        fix: "怎么做:请在自然光下重拍",
        id: "8",
        upload: "重新上传",
      },
      {
        item: "其他补充材料",
        title: "其他补充材料(选填)",
        status: "accepted",
        state: "已通过",
        id: "9",
      },
    ]);
  });

  it("counts down the resend and masks the signed-in phone", () => {
    expect(resendIn(42, labels)).toBe("42 秒后可重新获取");
    expect(signedInAs("13800138000", labels)).toBe("已登录:138****8000");
  });
});
