/**
 * The customer's timeline from plain order data, no database: each case the lookup answers
 * (progress, deadline, restart after a resubmission, police filing done, the side exits, reasons).
 */
import { PIPELINE_STAGE_KEYS } from "@beian/contract";
import { describe, expect, it } from "vitest";
import { orderTimeline, type TTimelineOrder } from "./timeline.ts";

const stageTitle = (key: string) => `title:${key}`;

const at = (day: number) => `2026-11-${String(day).padStart(2, "0")}T02:00:00.000Z`;

function order(extra: Partial<TTimelineOrder> = {}): TTimelineOrder {
  return { orderNo: "B-ABCD-EFGH", filingType: "personal", status: "submitted", ...extra };
}

/** The state of each stage, in the timeline's order. */
const states = (answer: ReturnType<typeof orderTimeline>) =>
  answer.stages.map((stage) => stage.state);

const pending = (count: number) => Array<string>(count).fill("pending");

describe("orderTimeline", () => {
  it("answers the order number, filing type and status, every stage titled", () => {
    const answer = orderTimeline(
      order({ status: "submitted", stageHistory: [{ stage: "submitted", enteredAt: at(2) }] }),
      stageTitle,
    );
    expect(answer).toMatchObject({
      orderNo: "B-ABCD-EFGH",
      filingType: "personal",
      status: "submitted",
    });
    expect(answer.stages[0]).toEqual({
      key: "submitted",
      title: "title:submitted",
      state: "current",
      at: at(2),
    });
    expect(answer.stages.map((stage) => stage.key)).toEqual(PIPELINE_STAGE_KEYS);
    expect(states(answer)).toEqual(["current", ...pending(6)]);
    expect(answer).not.toHaveProperty("rejection");
  });

  it("marks the stages passed done with when they were entered, and the deadline on the current one only", () => {
    const answer = orderTimeline(
      order({
        status: "platform_review",
        stageDeadline: at(20),
        stageHistory: [
          { stage: "submitted", enteredAt: at(2) },
          { stage: "preliminary_review", enteredAt: at(3) },
          { stage: "platform_review", enteredAt: at(4) },
        ],
      }),
      stageTitle,
    );
    expect(answer.stages.slice(0, 4)).toEqual([
      { key: "submitted", title: "title:submitted", state: "done", at: at(2) },
      { key: "preliminary_review", title: "title:preliminary_review", state: "done", at: at(3) },
      {
        key: "platform_review",
        title: "title:platform_review",
        state: "current",
        at: at(4),
        deadline: at(20),
      },
      { key: "sms_verification", title: "title:sms_verification", state: "pending" },
    ]);
  });

  it("starts afresh after a resubmission: only the round since the latest submission counts", () => {
    const answer = orderTimeline(
      order({
        status: "preliminary_review",
        stageHistory: [
          { stage: "submitted", enteredAt: at(2) },
          { stage: "preliminary_review", enteredAt: at(3) },
          { stage: "platform_review", enteredAt: at(4) },
          { stage: "rejected", enteredAt: at(5) },
          { stage: "submitted", enteredAt: at(6) },
          { stage: "preliminary_review", enteredAt: at(7) },
        ],
      }),
      stageTitle,
    );
    expect(states(answer)).toEqual(["done", "current", ...pending(5)]);
    expect(answer.stages[0]?.at).toBe(at(6));
    expect(answer.stages[1]?.at).toBe(at(7));
    expect(answer.stages[2]).not.toHaveProperty("at");
  });

  it("shows police filing current with its deadline until it is recorded done, then every stage done", () => {
    const history = PIPELINE_STAGE_KEYS.map((stage, day) => ({ stage, enteredAt: at(day + 2) }));
    const open = orderTimeline(
      order({ status: "police_filing", stageHistory: history, stageDeadline: at(30) }),
      stageTitle,
    );
    expect(open.stages.at(-1)).toMatchObject({ state: "current", deadline: at(30) });

    const done = orderTimeline(
      order({
        status: "police_filing",
        stageHistory: history,
        stageDeadline: null,
        policeFiledAt: at(20),
      }),
      stageTitle,
    );
    expect(done.stages.every((stage) => stage.state === "done")).toBe(true);
    expect(done.stages.some((stage) => "deadline" in stage)).toBe(false);
  });

  it("ends a rejected order with the exit stage current and the reasons, each with a suggestion where one is known", () => {
    const answer = orderTimeline(
      order({
        status: "rejected",
        stageDeadline: at(25),
        stageHistory: [
          { stage: "submitted", enteredAt: at(2) },
          { stage: "preliminary_review", enteredAt: at(3) },
          { stage: "rejected", enteredAt: at(4) },
        ],
        rejection: [
          { field: "主体名称", reason: "与营业执照不一致", suggestion: "按执照填写" },
          { field: "AppID", reason: "无效", suggestion: null },
          // Stored before fixes were kept: the listed reason's fix is given now.
          { field: "联系电话", reason: "联系电话未接通", suggestion: null },
        ],
      }),
      stageTitle,
    );
    expect(states(answer)).toEqual(["done", "done", ...pending(5), "current"]);
    expect(answer.stages.at(-1)).toEqual({
      key: "rejected",
      title: "title:rejected",
      state: "current",
      at: at(4),
    });
    expect(answer.rejection).toEqual([
      { field: "主体名称", reason: "与营业执照不一致", suggestion: "按执照填写" },
      { field: "AppID", reason: "无效", suggestion: "" },
      {
        field: "联系电话",
        reason: "联系电话未接通",
        suggestion: "请保持备案信息中的联系电话畅通并注意接听审核来电,然后重新提交",
      },
    ]);
  });

  it("ends a cancelled order with the exit stage, and never shows reasons outside a rejection", () => {
    const answer = orderTimeline(
      order({
        status: "cancelled",
        stageHistory: [
          { stage: "submitted", enteredAt: at(2) },
          { stage: "cancelled", enteredAt: at(3) },
        ],
        rejection: [{ field: "主体名称", reason: "旧的原因" }],
      }),
      stageTitle,
    );
    expect(states(answer)).toEqual(["done", ...pending(6), "current"]);
    expect(answer.stages.at(-1)).toEqual({
      key: "cancelled",
      title: "title:cancelled",
      state: "current",
      at: at(3),
    });
    expect(answer).not.toHaveProperty("rejection");
  });

  it("leaves out reasons on a rejected order that has none", () => {
    const answer = orderTimeline(order({ status: "rejected", rejection: [] }), stageTitle);
    expect(answer).not.toHaveProperty("rejection");
    expect(answer.stages.at(-1)).toEqual({
      key: "rejected",
      title: "title:rejected",
      state: "current",
    });
  });
});

describe("orderTimeline: what the tracking page leads with", () => {
  it("names the stage that rejected the order, in the current round", () => {
    const answer = orderTimeline(
      order({
        status: "rejected",
        stageHistory: [
          { stage: "submitted", enteredAt: at(2) },
          { stage: "preliminary_review", enteredAt: at(3) },
          { stage: "platform_review", enteredAt: at(4) },
          { stage: "rejected", enteredAt: at(5) },
        ],
        rejection: [{ field: "主体名称", reason: "与营业执照不一致" }],
      }),
      stageTitle,
    );
    expect(answer.rejectedStage).toBe("platform_review");
    const progress = orderTimeline(order({ status: "platform_review" }), stageTitle);
    expect(progress).not.toHaveProperty("rejectedStage");
  });

  it("gives the ICP number once the order is filed, never before", () => {
    const filed = orderTimeline(
      order({ status: "filed", icpNumber: "粤ICP备2026012345号-1X" }),
      stageTitle,
    );
    expect(filed.icpNumber).toBe("粤ICP备2026012345号-1X");
    const police = orderTimeline(
      order({ status: "police_filing", icpNumber: "粤ICP备2026012345号-1X" }),
      stageTitle,
    );
    expect(police.icpNumber).toBe("粤ICP备2026012345号-1X");
    const cancelled = orderTimeline(
      order({ status: "cancelled", icpNumber: "粤ICP备2026012345号-1X" }),
      stageTitle,
    );
    expect(cancelled).not.toHaveProperty("icpNumber");
  });
});
