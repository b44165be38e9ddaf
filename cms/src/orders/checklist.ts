/**
 * The materials checklist for a filing type in a province: the type's required materials, then
 * what that province (and every province) adds for the type. Used by POST /api/public/orders, the
 * order record and the confirmation; reads published content only.
 */
import type { TFilingTypeSlug } from "@beian/contract";
import type { Payload, PayloadRequest } from "payload";

export const DEFAULT_REVIEW_WORKING_DAYS = 20;

export type TChecklist = { materials: string[]; reviewMaxWorkingDays: number };

export async function checklistFor(
  payload: Payload,
  filingType: TFilingTypeSlug,
  province: string,
  req?: PayloadRequest,
): Promise<TChecklist> {
  const published = { _status: { equals: "published" } };
  const [types, rules] = await Promise.all([
    payload.find({
      collection: "filing-types",
      where: { and: [{ slug: { equals: filingType } }, published] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      ...(req ? { req } : {}),
    }),
    payload.find({
      collection: "province-rules",
      where: { and: [{ province: { in: ["all", province] } }, published] },
      depth: 0,
      overrideAccess: true,
      pagination: false,
      ...(req ? { req } : {}),
    }),
  ]);
  const type = types.docs[0];
  const ordered = [...rules.docs].sort((a, b) =>
    a.province === "all" ? -1 : b.province === "all" ? 1 : 0,
  );
  const notes = ordered.flatMap((rule) =>
    (rule.notes ?? [])
      .filter((note) => note.filingTypes.includes(filingType))
      .map((note) => note.text),
  );
  const own = rules.docs.find((rule) => rule.province === province);
  return {
    materials: [...(type?.materials ?? []).map((material) => material.item), ...notes],
    reviewMaxWorkingDays: own?.reviewMaxWorkingDays ?? DEFAULT_REVIEW_WORKING_DAYS,
  };
}
