import type { GlobalAfterChangeHook, Payload } from "payload";
import type { TEnv } from "../env.ts";

/**
 * The consent texts of the site settings, read once per process until an editor changes them
 * (`forgetConsentTexts`) or a minute has passed (another process's edit): every lead and order
 * carries them, and reading the settings for each was a query and a pass over every settings
 * field inside the one-at-a-time SQLite transaction.
 */
type TConsentTexts = { privacyText: string | null; sharingText: string };

const TTL_MS = 60_000;
const cache = new WeakMap<Payload, { at: number; texts: Promise<TConsentTexts> }>();

function consentTexts(payload: Payload): Promise<TConsentTexts> {
  const cached = cache.get(payload);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.texts;
  const texts = payload
    .findGlobal({ slug: "site-settings", depth: 0, overrideAccess: true })
    .then((settings) => ({
      privacyText: settings.consent?.privacyText ?? null,
      sharingText: settings.consent?.sharingText ?? "",
    }));
  cache.set(payload, { at: Date.now(), texts });
  texts.catch(() => cache.delete(payload)); // a failed read is not kept
  return texts;
}

/** Site settings' afterChange: the next submission reads the texts as the editor left them. */
export const forgetConsentTexts: GlobalAfterChangeHook = ({ doc, req }) => {
  cache.delete(req.payload);
  return doc;
};

/** The consent texts shown when the prospect agreed, kept with the lead as the record. */
export async function consentRecord(
  lead: { consent: { sharing?: boolean | undefined } },
  partnerName: string,
  env: TEnv,
  payload: Payload,
) {
  const texts = await consentTexts(payload);
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
