import { defineCollection } from "astro:content";
import { payloadCollection, payloadGlobal } from "./lib/payloadLoader.ts";
import * as schema from "./lib/schemas.ts";

export const collections = {
  filingTypes: defineCollection({
    loader: payloadCollection("filing-types", { idField: "slug", minimum: 1 }),
    schema: schema.filingType,
  }),
  provinceRules: defineCollection({
    loader: payloadCollection("province-rules", { idField: "province", minimum: 0 }),
    schema: schema.provinceRule,
  }),
  filingStages: defineCollection({
    loader: payloadCollection("filing-stages", { idField: "key", minimum: 1 }),
    schema: schema.filingStage,
  }),
  guideArticles: defineCollection({
    loader: payloadCollection("guide-articles", { idField: "anchor", minimum: 1 }),
    schema: schema.guideArticle,
  }),
  faqs: defineCollection({
    loader: payloadCollection("faqs", { idField: "anchor", minimum: 1 }),
    schema: schema.faq,
  }),
  cases: defineCollection({
    loader: payloadCollection("cases", { idField: "id", minimum: 0 }),
    schema: schema.caseStudy,
  }),
  partners: defineCollection({
    loader: payloadCollection("partners", { idField: "key", minimum: 0 }),
    schema: schema.partner,
  }),
  pages: defineCollection({
    loader: payloadCollection("pages", { idField: "slug", minimum: 7 }),
    schema: schema.page,
  }),
  landing: defineCollection({ loader: payloadGlobal("landing"), schema: schema.landing }),
  siteSettings: defineCollection({
    loader: payloadGlobal("site-settings"),
    schema: schema.siteSettings,
  }),
};
