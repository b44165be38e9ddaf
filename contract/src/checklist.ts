/**
 * The materials checklist for a filing type in a province: the type's required materials, then the
 * notes of the nation-wide rules (`all`), then those of the province, each kept only when it applies
 * to the type; and the province's longest bureau review. One implementation for the CMS (order
 * endpoint, order record, confirmation) and the site (the province picker on `/types/<slug>/`).
 */
import type { TFilingTypeSlug } from "./keys.ts";

/** The bureau review's maximum when the province sets none (CMS: 省份规则 › 管局审核最长工作日). */
export const DEFAULT_REVIEW_WORKING_DAYS = 20;

/** The province key of the rules that apply to every province. */
export const ALL_PROVINCES = "all";

export type TChecklist = { materials: string[]; reviewMaxWorkingDays: number };

/** What the checklist needs of a `province-rules` document (CMS or site shape). */
export type TProvinceRuleLike = {
  province: string;
  reviewMaxWorkingDays?: number | null | undefined;
  notes?: readonly { filingTypes: readonly string[]; text: string }[] | null | undefined;
};

export type TChecklistInput = {
  /** The filing type's required materials, in order. */
  materials: readonly { item: string }[] | null | undefined;
  /** Province rules; documents of other provinces are ignored, so all of them may be passed. */
  rules: readonly TProvinceRuleLike[];
  filingType: TFilingTypeSlug;
  /** A province code, or `all` for the nation-wide checklist alone. */
  province: string;
};

export function buildChecklist({
  materials,
  rules,
  filingType,
  province,
}: TChecklistInput): TChecklist {
  const nationWide = rules.filter((rule) => rule.province === ALL_PROVINCES);
  const own = province === ALL_PROVINCES ? [] : rules.filter((rule) => rule.province === province);
  const notes = [...nationWide, ...own].flatMap((rule) =>
    (rule.notes ?? [])
      .filter((note) => note.filingTypes.includes(filingType))
      .map((note) => note.text),
  );
  const reviewMaxWorkingDays = rules.find(
    (rule) => rule.province === province,
  )?.reviewMaxWorkingDays;
  return {
    materials: [...(materials ?? []).map((material) => material.item), ...notes],
    reviewMaxWorkingDays: reviewMaxWorkingDays ?? DEFAULT_REVIEW_WORKING_DAYS,
  };
}
