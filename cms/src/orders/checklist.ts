/**
 * The materials checklist for a filing type in a province: the type's required materials, then
 * what that province (and every province) adds for the type. Used by POST /api/public/orders, the
 * order record and the confirmation; reads published content only. The combination itself is the
 * contract's `buildChecklist`, which the site's province picker uses too.
 */
import { buildChecklist, type TChecklist, type TFilingTypeSlug } from "@beian/contract";
import type { Payload, PayloadRequest } from "payload";

export { DEFAULT_REVIEW_WORKING_DAYS, type TChecklist } from "@beian/contract";

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
  return buildChecklist({
    materials: types.docs[0]?.materials,
    rules: rules.docs,
    filingType,
    province,
  });
}
