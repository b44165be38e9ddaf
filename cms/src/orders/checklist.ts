/**
 * The materials checklist for a filing type in a province: the type's required materials, then
 * what that province (and every province) adds for the type. Used by POST /api/public/orders, the
 * order record and the confirmation; reads published content only. The combination itself is the
 * contract's `buildChecklist`, which the site's province picker uses too.
 */
import { buildChecklist, type TChecklist, type TFilingTypeSlug } from "@beian/contract";
import type { Payload } from "payload";
import { contentCache } from "../lib/contentCache.ts";

export { DEFAULT_REVIEW_WORKING_DAYS, type TChecklist } from "@beian/contract";

/**
 * The published filing types' materials and the published province rules: every new order (and
 * each stage deadline) needs them inside its transaction, so they are read once per process until
 * an editor changes a type or a rule (`forgetChecklistContent`, their hooks) or a minute passes.
 */
const checklistContent = contentCache(async (payload) => {
  const published = { _status: { equals: "published" } } as const;
  const common = { depth: 0, overrideAccess: true, pagination: false, where: published } as const;
  const [types, rules] = await Promise.all([
    payload.find({
      collection: "filing-types",
      select: { slug: true, materials: true },
      ...common,
    }),
    payload.find({ collection: "province-rules", ...common }),
  ]);
  return {
    materials: new Map(types.docs.map((type) => [type.slug, type.materials])),
    rules: rules.docs,
  };
});

/** Filing types' and province rules' afterChange and afterDelete: the next order reads the edit. */
export const forgetChecklistContent = checklistContent.forgetOnChange;

/**
 * A published filing type's materials as they are now: what a new order snapshots as its upload
 * slots (collections/Orders/hooks/snapshotUploadSlots.ts), from the same read as its checklist.
 */
export async function publishedTypeMaterials(payload: Payload, filingType: TFilingTypeSlug) {
  return (await checklistContent.get(payload)).materials.get(filingType);
}

export async function checklistFor(
  payload: Payload,
  filingType: TFilingTypeSlug,
  province: string,
): Promise<TChecklist> {
  const { materials, rules } = await checklistContent.get(payload);
  return buildChecklist({
    materials: materials.get(filingType),
    rules: rules.filter((rule) => rule.province === "all" || rule.province === province),
    filingType,
    province,
  });
}
