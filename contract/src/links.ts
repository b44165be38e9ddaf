/**
 * The links an editor may set, in rich text and in link fields alike: http(s), mailto, tel,
 * fragments and paths on this site. Anything else (`javascript:`, `data:`, `//other.host`) could
 * run script or send visitors elsewhere from a page the site vouches for. The CMS refuses such a
 * link when it is saved and the site's build refuses it again, for values written before the check.
 */

/** What a same-site path resolves against: landing on another origin means another host. */
const THIS_SITE = "https://this-site.invalid";

/** `url` without the spaces around it when it is a link an editor may set; otherwise undefined. */
export function safeLink(url: string | null | undefined): string | undefined {
  const href = url?.trim();
  if (!href) return undefined;
  if (/^(https?:|mailto:|tel:|#)/i.test(href)) return href;
  // `//host`, `/\host` and `/<tab>/host` start with a slash yet name another host: resolve to tell.
  return href.startsWith("/") && URL.parse(href, THIS_SITE)?.origin === THIS_SITE
    ? href
    : undefined;
}

export function isSafeLink(url: string | null | undefined): boolean {
  return safeLink(url) !== undefined;
}

/** The CMS's answer to a link it refuses, in the style of its other field messages. */
export const UNSAFE_LINK_MESSAGE =
  "只能使用 http(s)、mailto、tel 链接或站内路径(如 /guide/)/ only http(s), mailto, tel links or site paths (e.g. /guide/)";

/**
 * A link field's check in the shape of a Payload `validate`: an empty optional field passes, an
 * empty required one gets the same answer as a refused link (it says what a link may be).
 */
export function validateLink(value: unknown, { required }: { required?: boolean } = {}) {
  if (!required && (value == null || value === "")) return true;
  return typeof value === "string" && isSafeLink(value) ? true : UNSAFE_LINK_MESSAGE;
}
