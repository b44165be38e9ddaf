/**
 * The stage rules without Payload: a fake deadline lookup that echoes its arguments shows which
 * stage and entry time each change asks a deadline for. The REST-level checks are in
 * collections/Orders/orders.test.ts.
 */
import type { TStageKey } from "@beian/contract";
import { describe, expect, it } from "vitest";
import { refusalOf, stageFields, type TStageChange, type TStoredOrder } from "./moves.ts";

const now = new Date("2026-11-27T02:00:00.000Z"); // Friday 10:00 in Beijing
const SALES = 7;

/** A deadline lookup that says which stage and entry time it was asked about. */
const deadlineOf = async (stage: TStageKey, enteredAt: Date) =>
  `${stage}@${enteredAt.toISOString()}`;

function stored(extra: Partial<TStoredOrder> = {}): TStoredOrder {
  return {
    status: "submitted",
    stageHistory: [{ stage: "submitted", enteredAt: "2026-11-20T02:00:00.000Z", by: null }],
    ...extra,
  };
}

function change(extra: Partial<TStageChange> = {}): TStageChange {
  const before = "before" in extra ? extra.before : stored();
  return {
    before,
    to: before?.status ?? "submitted",
    rejection: before?.rejection,
    policeFiledAt: before?.policeFiledAt,
    note: null,
    by: SALES,
    now,
    ...extra,
  };
}

describe("refusalOf", () => {
  it("refuses a move the pipeline does not allow, naming the stages as staff read them", () => {
    expect(refusalOf(change({ to: "bureau_review" }))).toEqual({
      path: "status",
      message: {
        zh: "不能从「已提交」改为「管局审核」;可选:「初步审核」、「已驳回」、「已取消」",
        en: 'An order in "Submitted" cannot move to "Bureau review"; it can move to "Preliminary review", "Rejected", "Cancelled"',
      },
    });
    const cancelled = change({ before: stored({ status: "cancelled" }), to: "submitted" });
    expect(refusalOf(cancelled)?.message.zh).toBe(
      "不能从「已取消」改为「已提交」;该订单已结束,不能再变更阶段",
    );
    // Not a stage at all: left to the field's own validation.
    expect(refusalOf(change({ to: "shipped" as TStageKey }))).toBeNull();
  });

  it("enters filed only with an ICP number in its form", () => {
    const inBureau = stored({ status: "bureau_review" });
    const filed = (icpNumber: string | null) =>
      change({ before: inBureau, to: "filed", icpNumber });
    expect(refusalOf(filed(null))).toMatchObject({
      path: "icpNumber",
      message: { zh: "备案成功时请录入管局下发的备案号" },
    });
    expect(refusalOf(filed("粤ICP备2026012345"))?.message.zh).toMatch(/格式不正确/);
    expect(refusalOf(filed("粤ICP备2026012345号-1X"))).toBeNull();
    // Already filed: later changes (the police filing) do not ask for it again.
    expect(
      refusalOf(change({ before: stored({ status: "filed" }), to: "police_filing" })),
    ).toBeNull();
  });

  it("lets allowed moves, staying put and a new order through", () => {
    expect(refusalOf(change({ to: "preliminary_review" }))).toBeNull();
    expect(refusalOf(change())).toBeNull();
    expect(refusalOf(change({ before: undefined, to: "submitted" }))).toBeNull();
  });

  it("refuses a rejection without a complete reason (field and reason)", () => {
    for (const rejection of [undefined, null, [], [{ field: "主体名称", reason: "  " }]]) {
      expect(refusalOf(change({ to: "rejected", rejection }))?.path).toBe("rejection");
    }
    const explained = change({
      to: "rejected",
      rejection: [{ field: "主体名称", reason: "不一致" }],
    });
    expect(refusalOf(explained)).toBeNull();
  });

  it("refuses the police filing outside its stage, and on a day after today in China", () => {
    const early = change({ policeFiledAt: "2026-11-26T02:00:00.000Z" });
    expect(refusalOf(early)).toMatchObject({
      path: "policeFiledAt",
      message: { zh: expect.stringMatching(/「公安备案」阶段/) },
    });

    const inStage = stored({ status: "police_filing" });
    // Beijing's today ends at 16:00 UTC: later that day is fine, midnight there is the future.
    const tonight = change({ before: inStage, policeFiledAt: "2026-11-27T15:59:00.000Z" });
    expect(refusalOf(tonight)).toBeNull();
    const tomorrow = change({ before: inStage, policeFiledAt: "2026-11-27T16:00:00.000Z" });
    expect(refusalOf(tomorrow)).toMatchObject({
      path: "policeFiledAt",
      message: { zh: expect.stringMatching(/将来/) },
    });
  });
});

describe("stageFields", () => {
  it("a move records the stage, when, by whom and the note, consumes the note and sets the new deadline", async () => {
    const before = stored();
    const fields = await stageFields(
      change({ before, to: "preliminary_review", note: "资料齐全" }),
      deadlineOf,
    );
    expect(fields).toEqual({
      status: "preliminary_review",
      stageHistory: [
        ...(before.stageHistory ?? []),
        { stage: "preliminary_review", enteredAt: now.toISOString(), by: SALES, note: "资料齐全" },
      ],
      stageNote: null,
      stageDeadline: `preliminary_review@${now.toISOString()}`,
    });
  });

  it("a new order starts its history in the first stage", async () => {
    const fields = await stageFields(change({ before: undefined, to: "submitted" }), deadlineOf);
    expect(fields.stageHistory).toEqual([
      { stage: "submitted", enteredAt: now.toISOString(), by: SALES, note: null },
    ]);
    expect(fields.stageDeadline).toBe(`submitted@${now.toISOString()}`);
  });

  it("a resubmission clears the reasons and keeps them in its history note", async () => {
    const rejection = [
      { field: "主体名称", reason: "与营业执照不一致", suggestion: "按执照填写" },
      { field: "AppID", reason: "无效" },
      { field: "", reason: "不完整的原因不记" },
    ];
    const fields = await stageFields(
      change({
        before: stored({ status: "rejected", rejection }),
        to: "submitted",
        note: "已修改",
      }),
      deadlineOf,
    );
    expect(fields.rejection).toEqual([]);
    expect(fields.stageHistory?.at(-1)?.note).toBe(
      "已修改 | 上次驳回原因:主体名称:与营业执照不一致(按执照填写);AppID:无效",
    );
  });

  it("other moves leave the reasons alone", async () => {
    const fields = await stageFields(change({ to: "preliminary_review" }), deadlineOf);
    expect(fields).not.toHaveProperty("rejection");
  });

  it("a change within a stage records nothing, not even the note", async () => {
    expect(await stageFields(change({ note: "只是备注" }), deadlineOf)).toEqual({});
  });

  it("recording the police filing in its stage clears the deadline and names who recorded it", async () => {
    const before = stored({ status: "police_filing" });
    const done = change({ before, policeFiledAt: "2026-11-26T02:00:00.000Z" });
    expect(await stageFields(done, deadlineOf)).toEqual({
      policeFiledBy: SALES,
      stageDeadline: null,
    });
  });

  it("clearing it restores the deadline from when the order entered the stage", async () => {
    const enteredAt = "2026-11-10T02:00:00.000Z";
    const before = stored({
      status: "police_filing",
      policeFiledAt: "2026-11-26T02:00:00.000Z",
      stageHistory: [{ stage: "police_filing", enteredAt }],
    });
    expect(await stageFields(change({ before, policeFiledAt: null }), deadlineOf)).toEqual({
      policeFiledBy: null,
      stageDeadline: `police_filing@${enteredAt}`,
    });
  });

  it("moving into police filing with the filing already done leaves it without a deadline", async () => {
    const fields = await stageFields(
      change({
        before: stored({ status: "filed" }),
        to: "police_filing",
        policeFiledAt: "2026-11-26T02:00:00.000Z",
      }),
      deadlineOf,
    );
    expect(fields).toMatchObject({
      status: "police_filing",
      policeFiledBy: SALES,
      stageDeadline: null,
    });
  });
});
