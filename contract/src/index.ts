export * from "./answers.ts";
export * from "./checklist.ts";
export * from "./html.ts";
export * from "./keys.ts";
export * from "./lead.ts";
export * from "./order.ts";
