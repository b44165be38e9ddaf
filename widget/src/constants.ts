/**
 * The default API base. The site's release step replaces this literal with the CMS URL when it
 * copies the built script, so it must appear verbatim (and only here) in the source.
 */
export const DEFAULT_API_BASE = "__BEIAN_API_BASE__";

/** The partner of the agency's own site. */
export const DIRECT = "direct";

export type TFormKind = "lead" | "order";

/** The two forms, in the order of their tabs. */
export const KINDS: readonly TFormKind[] = ["lead", "order"];
