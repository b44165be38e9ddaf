import { defineCollection } from "astro:content";
import { CONTENT_SOURCES } from "./lib/contentSources.ts";

export const collections = {
  filingTypes: defineCollection(CONTENT_SOURCES.filingTypes),
  provinceRules: defineCollection(CONTENT_SOURCES.provinceRules),
  filingStages: defineCollection(CONTENT_SOURCES.filingStages),
  guideArticles: defineCollection(CONTENT_SOURCES.guideArticles),
  faqs: defineCollection(CONTENT_SOURCES.faqs),
  cases: defineCollection(CONTENT_SOURCES.cases),
  partners: defineCollection(CONTENT_SOURCES.partners),
  pages: defineCollection(CONTENT_SOURCES.pages),
  landing: defineCollection(CONTENT_SOURCES.landing),
  siteSettings: defineCollection(CONTENT_SOURCES.siteSettings),
};
