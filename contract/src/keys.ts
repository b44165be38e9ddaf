/**
 * Stable keys that partners, sales tools and the acceptance checks rely on (CONTRACT §3–§5).
 * Renaming one is a breaking change of the public contract.
 */

export const FILING_TYPE_SLUGS = ["personal", "individual-business", "enterprise"] as const;
export type TFilingTypeSlug = (typeof FILING_TYPE_SLUGS)[number];

/** WeChat's filing API identifies the entity (主体) type by these codes. */
export const WECHAT_ENTITY_CODES: Readonly<Record<TFilingTypeSlug, number>> = {
  personal: 15,
  "individual-business": 12,
  enterprise: 1,
};

/** The order pipeline in the order it runs; `rejected` and `cancelled` are terminal side exits. */
export const STAGE_KEYS = [
  "submitted",
  "preliminary_review",
  "platform_review",
  "sms_verification",
  "bureau_review",
  "filed",
  "police_filing",
  "rejected",
  "cancelled",
] as const;
export type TStageKey = (typeof STAGE_KEYS)[number];

export const TERMINAL_STAGE_KEYS = [
  "rejected",
  "cancelled",
] as const satisfies readonly TStageKey[];

export const ROLES = ["admin", "editor", "sales"] as const;
export type TRole = (typeof ROLES)[number];

export const FAQ_CATEGORIES = ["platform-rejection", "verification-failure", "general"] as const;
export type TFaqCategory = (typeof FAQ_CATEGORIES)[number];

export const GUIDE_PHASES = ["before", "during", "after"] as const;
export type TGuidePhase = (typeof GUIDE_PHASES)[number];
