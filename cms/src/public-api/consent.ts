import type { Payload } from "payload";
import type { TEnv } from "../env.ts";
import { contentCache } from "../lib/contentCache.ts";

/**
 * The consent texts of the site settings: every lead and order carries them, and reading the
 * settings for each was a query and a pass over every settings field inside the one-at-a-time
 * SQLite transaction.
 */
const consentTexts = contentCache(async (payload) => {
  const settings = await payload.findGlobal({
    slug: "site-settings",
    depth: 0,
    overrideAccess: true,
  });
  return {
    privacyText: settings.consent?.privacyText ?? null,
    sharingText: settings.consent?.sharingText ?? "",
  };
});

/** Site settings' afterChange: the next submission reads the texts as the editor left them. */
export const forgetConsentTexts = consentTexts.forgetOnChange;

/** The consent texts shown when the prospect agreed, kept with the lead as the record. */
export async function consentRecord(
  lead: { consent: { sharing?: boolean | undefined } },
  partnerName: string,
  env: TEnv,
  payload: Payload,
) {
  const texts = await consentTexts.get(payload);
  const sharing = lead.consent.sharing === true;
  return {
    privacy: true,
    privacyText: texts.privacyText,
    privacyUrl: new URL("/privacy/", env.SITE_URL).toString(),
    sharing,
    sharingText: sharing ? texts.sharingText.replaceAll("{partner}", partnerName) : null,
    at: new Date().toISOString(),
  };
}
