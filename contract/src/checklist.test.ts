import { describe, expect, it } from "vitest";
import {
  buildChecklist,
  DEFAULT_REVIEW_WORKING_DAYS,
  type TProvinceRuleLike,
} from "./checklist.ts";

const materials = [{ item: "营业执照" }, { item: "法人身份证" }];

const rules: TProvinceRuleLike[] = [
  {
    province: "zhejiang",
    reviewMaxWorkingDays: 30,
    notes: [
      { filingTypes: ["individual-business"], text: "浙江:个体户按企业备案" },
      { filingTypes: ["personal", "enterprise"], text: "浙江:最长 30 个工作日" },
    ],
  },
  { province: "all", notes: [{ filingTypes: ["enterprise"], text: "不能跨省备案" }] },
  { province: "shanghai", reviewMaxWorkingDays: null, notes: null },
  { province: "anhui", notes: [{ filingTypes: ["enterprise"], text: "安徽" }] },
];

describe("buildChecklist", () => {
  it("lists the type's materials, then the nation-wide notes, then the province's", () => {
    expect(
      buildChecklist({ materials, rules, filingType: "enterprise", province: "zhejiang" }),
    ).toEqual({
      materials: ["营业执照", "法人身份证", "不能跨省备案", "浙江:最长 30 个工作日"],
      reviewMaxWorkingDays: 30,
    });
  });

  it("keeps only the notes that apply to the filing type, and ignores other provinces", () => {
    expect(
      buildChecklist({ materials, rules, filingType: "individual-business", province: "zhejiang" })
        .materials,
    ).toEqual(["营业执照", "法人身份证", "浙江:个体户按企业备案"]);
  });

  it("falls back to the default review time and tolerates empty fields", () => {
    expect(
      buildChecklist({ materials: null, rules, filingType: "personal", province: "shanghai" }),
    ).toEqual({ materials: [], reviewMaxWorkingDays: DEFAULT_REVIEW_WORKING_DAYS });
    expect(
      buildChecklist({ materials, rules: [], filingType: "personal", province: "beijing" }),
    ).toEqual({ materials: ["营业执照", "法人身份证"], reviewMaxWorkingDays: 20 });
  });

  it("gives the nation-wide checklist alone for `all`", () => {
    expect(
      buildChecklist({ materials, rules, filingType: "enterprise", province: "all" }).materials,
    ).toEqual(["营业执照", "法人身份证", "不能跨省备案"]);
  });
});
