/**
 * Everything the CMS, the widget and the site import from `@beian/contract`. The widget's bundle
 * follows this (sorted) order: errorMessages.ts sorts before fields.ts, so the error texts land
 * next to the widget's own texts, ahead of zod, which gzips the embed ~50 B smaller than after it.
 */
export * from "./answers.ts";
export * from "./checklist.ts";
export * from "./customer.ts";
export * from "./errorMessages.ts";
export * from "./errors.ts";
export * from "./fields.ts";
export * from "./html.ts";
export * from "./keys.ts";
export * from "./lead.ts";
export * from "./links.ts";
export * from "./locale.ts";
export * from "./messages/types.ts";
export * from "./order.ts";
export * from "./rules.ts";
export * from "./sharingConsent.ts";
export * from "./staffErrors.ts";
export * from "./validation.ts";
