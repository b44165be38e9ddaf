/**
 * Where each content collection of the site comes from: the CMS collection (or global) its loader
 * reads, the field that names an entry, how many documents the site needs at least, and the schema
 * every document must fit. content.config.ts turns each into an Astro collection.
 */
import type { z } from "astro/zod";
import { payloadCollection, payloadGlobal } from "./payloadLoader.ts";
import { keepQrCode } from "./qrCodes.ts";
import * as schema from "./schemas.ts";

/** The fields a schema checks: what the build asks the CMS for (see fetchAll). */
const fieldsOf = (object: z.ZodObject) => Object.keys(object.shape);

export const CONTENT_SOURCES = {
  filingTypes: {
    loader: payloadCollection("filing-types", {
      idField: "slug",
      minimum: 1,
      fields: fieldsOf(schema.filingType),
    }),
    schema: schema.filingType,
  },
  provinceRules: {
    loader: payloadCollection("province-rules", {
      idField: "province",
      minimum: 0,
      fields: fieldsOf(schema.provinceRule),
    }),
    schema: schema.provinceRule,
  },
  filingStages: {
    loader: payloadCollection("filing-stages", {
      idField: "key",
      minimum: 1,
      fields: fieldsOf(schema.filingStage),
    }),
    schema: schema.filingStage,
  },
  guideArticles: {
    loader: payloadCollection("guide-articles", {
      idField: "anchor",
      minimum: 1,
      fields: fieldsOf(schema.guideArticle),
    }),
    schema: schema.guideArticle,
  },
  faqs: {
    loader: payloadCollection("faqs", {
      idField: "anchor",
      minimum: 1,
      fields: fieldsOf(schema.faq),
    }),
    schema: schema.faq,
  },
  cases: {
    loader: payloadCollection("cases", {
      idField: "id",
      minimum: 0,
      fields: fieldsOf(schema.caseStudy),
      toStore: ({ qrCodeSvg, ...data }) =>
        typeof qrCodeSvg === "string" ? { ...data, qrCodeSvg: keepQrCode(qrCodeSvg) } : data,
    }),
    schema: schema.caseStudy,
  },
  partners: {
    loader: payloadCollection("partners", {
      idField: "key",
      minimum: 0,
      fields: fieldsOf(schema.partner),
    }),
    schema: schema.partner,
  },
  pages: {
    loader: payloadCollection("pages", {
      idField: "slug",
      minimum: 7,
      fields: fieldsOf(schema.page),
    }),
    schema: schema.page,
  },
  landing: { loader: payloadGlobal("landing"), schema: schema.landing },
  siteSettings: { loader: payloadGlobal("site-settings"), schema: schema.siteSettings },
};
