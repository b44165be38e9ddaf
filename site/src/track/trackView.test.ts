/**
 * What /track/ leads with for each kind of lookup answer: progress with a deadline and time left, a
 * rejection at its stage with reasons first, a cancellation, a filed order's number.
 */
import type { TOrderLookupAnswer, TTimelineStage } from "@beian/contract";
import { PIPELINE_STAGE_KEYS } from "@beian/contract";
import { describe, expect, it } from "vitest";
import { chinaTime, type TTrackLabels, timeLeft, trackView } from "./trackView.ts";

const labels: TTrackLabels = {
  filingType: "备案类型",
  trackStage: "当前阶段",
  trackDeadline: "本阶段截止",
  trackNextStep: "您现在需要做的",
  trackTimeLeft: "剩余 {hours} 小时 {minutes} 分",
  trackOverdue: "已超过截止时间",
  trackIcpNumber: "备案号",
  trackRejectedAt: "在「{stage}」阶段被驳回",
  trackSuggestion: "修改建议",
};

const TITLES: Record<string, string> = {
  submitted: "提交资料",
  preliminary_review: "初步审核",
  platform_review: "微信官方审核",
  sms_verification: "短信核验",
  bureau_review: "管局审核",
  filed: "备案成功",
  police_filing: "公安备案",
  rejected: "已驳回",
  cancelled: "已取消",
};

/** The answer the lookup gives for an order that has reached `reached` (index in the pipeline). */
function answer(
  reached: number,
  extra: Partial<TOrderLookupAnswer> = {},
  current: Partial<TTimelineStage> = {},
): TOrderLookupAnswer {
  const stages: TTimelineStage[] = PIPELINE_STAGE_KEYS.map((key, index) => ({
    key,
    title: TITLES[key] ?? key,
    state: index < reached ? "done" : index === reached ? "current" : "pending",
    ...(index <= reached ? { at: `2026-11-2${index}T02:00:00.000Z` } : {}),
    ...(index === reached ? current : {}),
  }));
  return {
    orderNo: "B-ABCD-EFGH",
    filingType: "personal",
    filingTypeName: "个人小程序备案",
    status: PIPELINE_STAGE_KEYS[reached] ?? "submitted",
    stages,
    ...extra,
  };
}

const NOW = Date.parse("2026-11-30T04:44:00.000Z"); // 12:44 in China

describe("chinaTime and timeLeft", () => {
  it("writes an instant in China time as 2026-11-30 12:44", () => {
    expect(chinaTime("2026-11-30T04:44:00.000Z")).toBe("2026-11-30 12:44");
    expect(chinaTime("2026-11-30T18:05:00.000Z")).toBe("2026-12-01 02:05");
  });

  it("counts the hours and minutes left, and says when the deadline has passed", () => {
    expect(timeLeft("2026-11-30T09:56:30.000Z", NOW, labels)).toBe("剩余 5 小时 12 分");
    expect(timeLeft("2026-11-30T04:43:00.000Z", NOW, labels)).toBe("已超过截止时间");
  });
});

describe("trackView", () => {
  it("leads an order at SMS verification with its type, stage, deadline, time left and what to do", () => {
    const view = trackView(
      answer(
        3,
        { nextStep: "收到工信部短信后 24 小时内登录 beian.miit.gov.cn 完成核验。" },
        { deadline: "2026-11-30T09:56:00.000Z" },
      ),
      labels,
      NOW,
    );
    // The 24-hour verification stands out from the stages before and after it.
    expect(view.tone).toBe("urgent");
    expect(trackView(answer(2), labels, NOW).tone).toBe("progress");
    expect(trackView(answer(4), labels, NOW).tone).toBe("progress");
    expect(view.facts).toEqual([
      ["备案类型", "个人小程序备案"],
      ["当前阶段", "短信核验"],
      ["本阶段截止", "2026-11-30 17:56(剩余 5 小时 12 分)"],
    ]);
    expect(view.nextStep).toEqual([
      "您现在需要做的",
      "收到工信部短信后 24 小时内登录 beian.miit.gov.cn 完成核验。",
    ]);
    expect(view.stages.map((stage) => stage.state)).toEqual([
      "done",
      "done",
      "done",
      "current",
      "pending",
      "pending",
      "pending",
    ]);
    expect(view.stages[3]?.deadline).toContain("剩余 5 小时 12 分");
  });

  it("gives a far deadline as a date alone", () => {
    const view = trackView(answer(4, {}, { deadline: "2026-12-28T04:44:00.000Z" }), labels, NOW);
    expect(view.facts[2]).toEqual(["本阶段截止", "2026-12-28 12:44"]);
  });

  it("shows a rejection at the stage that rejected it, reasons first, and no stage after it", () => {
    const base = answer(1);
    const rejected: TOrderLookupAnswer = {
      ...base,
      status: "rejected",
      rejectedStage: "preliminary_review",
      nextStep: "请按下方修改建议更正资料",
      stages: [
        ...base.stages.map((stage) =>
          stage.state === "current" ? { ...stage, state: "done" as const } : stage,
        ),
        { key: "rejected", title: "已驳回", state: "current", at: "2026-11-29T03:00:00.000Z" },
      ],
      rejection: [
        { field: "负责人证件", reason: "证件电子版不合格", suggestion: "请上传原件照片" },
      ],
    };
    const view = trackView(rejected, labels, NOW);
    expect(view.tone).toBe("rejected");
    expect(view.facts[1]).toEqual(["当前阶段", "已驳回(在「初步审核」阶段被驳回)"]);
    expect(view.rejection).toEqual(rejected.rejection);
    expect(view.stages).toEqual([
      { key: "submitted", title: "提交资料", state: "done", at: "2026-11-20 10:00" },
      {
        key: "preliminary_review",
        title: "初步审核",
        state: "rejected",
        note: "已驳回",
        at: "2026-11-29 11:00",
      },
    ]);
  });

  it("reads a cancelled order as cancelled, where it stopped", () => {
    const base = answer(2);
    const view = trackView(
      {
        ...base,
        status: "cancelled",
        stages: [
          ...base.stages.map((stage) =>
            stage.state === "current" ? { ...stage, state: "done" as const } : stage,
          ),
          { key: "cancelled", title: "已取消", state: "current" },
        ],
      },
      labels,
      NOW,
    );
    expect(view.tone).toBe("cancelled");
    expect(view.facts[1]).toEqual(["当前阶段", "已取消"]);
    expect(view.stages.map((stage) => stage.state)).toEqual(["done", "done", "done", "cancelled"]);
    expect(view.rejection).toEqual([]);
  });

  it("gives a filed order's ICP number", () => {
    const view = trackView(answer(5, { icpNumber: "粤ICP备2026012345号-1X" }), labels, NOW);
    expect(view.tone).toBe("filed");
    expect(view.facts).toContainEqual(["备案号", "粤ICP备2026012345号-1X"]);
  });
});
