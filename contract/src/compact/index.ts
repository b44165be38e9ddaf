/**
 * `@beian/contract/compact`: the lead and order checks without zod (the widget's), their codes'
 * messages are the caller's (messages/zh-CN.ts, messages/en.ts). Imports nothing that loads zod.
 */
export { compactValidateLead, compactValidateOrder } from "./payloads.ts";
