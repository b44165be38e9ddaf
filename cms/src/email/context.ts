/**
 * What the templates need from the CMS besides the lead or order: brand and hotline (site
 * settings), filing-type and stage titles, the partner's name. Read with the caller's `req`, so
 * inside its transaction.
 */
import type { PayloadRequest } from "payload";
import { emailSettingsOf } from "./outbox.ts";
import type { TEmailContext } from "./templates.ts";

export async function emailContext(
  req: PayloadRequest,
  partner?: number | string | { id: number | string; name?: string | null } | null,
): Promise<TEmailContext> {
  const { payload } = req;
  const common = { depth: 0, overrideAccess: true, req } as const;
  const [settings, types, stages, partnerDoc] = await Promise.all([
    payload.findGlobal({ slug: "site-settings", ...common }),
    payload.find({ collection: "filing-types", pagination: false, ...common }),
    payload.find({ collection: "filing-stages", pagination: false, ...common }),
    partner === null || partner === undefined || typeof partner === "object"
      ? Promise.resolve(partner ?? null)
      : payload.findByID({ collection: "partners", id: partner, disableErrors: true, ...common }),
  ]);
  const { siteUrl, cmsUrl } = emailSettingsOf(payload);
  return {
    brand: settings.brand?.name ?? "小程序备案中心",
    hotline: settings.hotline ?? null,
    serviceHours: settings.serviceHours ?? null,
    siteUrl,
    cmsUrl,
    filingTypeTitle: (slug) =>
      slug ? (types.docs.find((type) => type.slug === slug)?.name ?? slug) : undefined,
    stage: (key) => {
      const stage = stages.docs.find((candidate) => candidate.key === key);
      return { title: stage?.title ?? key, summary: stage?.summary ?? null };
    },
    partnerName: partnerDoc?.name ?? null,
  };
}
