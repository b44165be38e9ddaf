import type { Payload, PayloadRequest } from "payload";
import type { TEnv } from "../env.ts";

/** The consent texts shown when the prospect agreed, kept with the lead as the record. */
export async function consentRecord(
  lead: { consent: { sharing?: boolean | undefined } },
  partnerName: string,
  env: TEnv,
  payload: Payload,
  req: PayloadRequest,
) {
  const settings = await payload.findGlobal({
    slug: "site-settings",
    depth: 0,
    overrideAccess: true,
    req,
  });
  const sharing = lead.consent.sharing === true;
  return {
    privacy: true,
    privacyText: settings.consent?.privacyText ?? null,
    privacyUrl: new URL("/privacy/", env.SITE_URL).toString(),
    sharing,
    sharingText: sharing
      ? (settings.consent?.sharingText ?? "").replaceAll("{partner}", partnerName)
      : null,
    at: new Date().toISOString(),
  };
}
