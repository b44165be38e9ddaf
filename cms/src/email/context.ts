/**
 * What the templates need from the CMS besides the lead or order: brand and hotline (site
 * settings), filing-type and stage titles, the partner's name. These change rarely and every new
 * lead or order needs them inside its (SQLite: one-at-a-time) transaction, so they are read once
 * per process until an editor changes one of them (`forgetEmailContent`, the afterChange and
 * afterDelete hooks of site settings, filing types, stages and partners) or a minute passes (an
 * edit made in another process).
 */
import type { Payload, PayloadRequest } from "payload";
import { contentCache } from "../lib/contentCache.ts";
import { relationId } from "../lib/relationId.ts";
import { emailSettingsOf } from "./outbox.ts";
import type { TEmailContext } from "./templates.ts";

type TContent = {
  brand: string;
  hotline: string | null;
  serviceHours: string | null;
  types: Map<string, string>;
  stages: Map<string, { title: string; summary: string | null }>;
  partners: Map<string, string>;
};

async function readContent(payload: Payload): Promise<TContent> {
  const common = { depth: 0, overrideAccess: true } as const;
  const [settings, types, stages, partners] = await Promise.all([
    payload.findGlobal({ slug: "site-settings", ...common }),
    payload.find({ collection: "filing-types", pagination: false, ...common }),
    payload.find({ collection: "filing-stages", pagination: false, ...common }),
    payload.find({ collection: "partners", pagination: false, ...common }),
  ]);
  return {
    brand: settings.brand?.name ?? "小程序备案中心",
    hotline: settings.hotline ?? null,
    serviceHours: settings.serviceHours ?? null,
    types: new Map(types.docs.map((type) => [type.slug, type.name])),
    stages: new Map(
      stages.docs.map((stage) => [
        stage.key,
        { title: stage.title, summary: stage.summary ?? null },
      ]),
    ),
    partners: new Map(partners.docs.map((partner) => [String(partner.id), partner.name])),
  };
}

const emailContent = contentCache(readContent);

/** The hooks of what the emails read: the next email reads the edit. */
export const forgetEmailContent = emailContent.forgetOnChange;

export async function emailContext(
  req: PayloadRequest,
  partner?: number | string | { id: number | string; name?: string | null } | null,
): Promise<TEmailContext> {
  const content = await emailContent.get(req.payload);
  const { siteUrl, cmsUrl } = emailSettingsOf(req.payload);
  const id = relationId(partner);
  const partnerId = id === null ? null : String(id);
  let partnerName =
    (typeof partner === "object" ? partner?.name : undefined) ??
    (partnerId ? content.partners.get(partnerId) : undefined) ??
    null;
  if (partnerId && !partnerName) {
    // A partner added within the last minute: not in the cached list yet.
    const doc = await req.payload.findByID({
      collection: "partners",
      id: partnerId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    });
    partnerName = doc?.name ?? null;
  }
  return {
    brand: content.brand,
    hotline: content.hotline,
    serviceHours: content.serviceHours,
    siteUrl,
    cmsUrl,
    filingTypeTitle: (slug) => (slug ? (content.types.get(slug) ?? slug) : undefined),
    stage: (key) => content.stages.get(key) ?? { title: key, summary: null },
    partnerName,
  };
}
