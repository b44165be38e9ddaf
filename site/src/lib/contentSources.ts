/**
 * Where each content collection of the site comes from: the CMS collection (or global) its loader
 * reads, the field that names an entry, how many documents the site needs at least, and the schema
 * every document must fit. content.config.ts turns each into an Astro collection.
 */
import { payloadCollection, payloadGlobal } from "./payloadLoader.ts";
import * as schema from "./schemas.ts";

export const CONTENT_SOURCES = {
  filingTypes: {
    loader: payloadCollection("filing-types", { idField: "slug", minimum: 1 }),
    schema: schema.filingType,
  },
  provinceRules: {
    loader: payloadCollection("province-rules", { idField: "province", minimum: 0 }),
    schema: schema.provinceRule,
  },
  filingStages: {
    loader: payloadCollection("filing-stages", { idField: "key", minimum: 1 }),
    schema: schema.filingStage,
  },
  guideArticles: {
    loader: payloadCollection("guide-articles", { idField: "anchor", minimum: 1 }),
    schema: schema.guideArticle,
  },
  faqs: {
    loader: payloadCollection("faqs", { idField: "anchor", minimum: 1 }),
    schema: schema.faq,
  },
  cases: {
    loader: payloadCollection("cases", { idField: "id", minimum: 0 }),
    schema: schema.caseStudy,
  },
  partners: {
    loader: payloadCollection("partners", { idField: "key", minimum: 0 }),
    schema: schema.partner,
  },
  pages: {
    loader: payloadCollection("pages", { idField: "slug", minimum: 7 }),
    schema: schema.page,
  },
  landing: { loader: payloadGlobal("landing"), schema: schema.landing },
  siteSettings: { loader: payloadGlobal("site-settings"), schema: schema.siteSettings },
};
