/**
 * What the site needs from each CMS collection, checked at build time. The shapes follow Payload's
 * generated types (`satisfies` below makes a drift a type error); a document that does not fit
 * fails the build with the collection, the entry and the field named.
 */

import type {
  Case,
  Faq,
  FilingStage,
  FilingType,
  GuideArticle,
  Landing,
  Media,
  Page,
  Partner,
  ProvinceRule,
  SiteSetting,
} from "@beian/cms/payload-types";
import {
  ALL_PROVINCES,
  FAQ_CATEGORIES,
  FILING_TYPE_SLUGS,
  GUIDE_PHASES,
  INDUSTRIES,
  isSafeLink,
  PROVINCE_CODES,
  SITE_LABELS,
  STAGE_KEYS,
  type TSiteLabel,
  UNSAFE_LINK_MESSAGE,
} from "@beian/contract";
import { z } from "astro/zod";

export const richText = z.object({
  root: z.object({ type: z.literal("root"), children: z.array(z.unknown()) }),
});
export type TRichText = z.infer<typeof richText>;

export const media = z.object({
  url: z.string().min(1),
  alt: z.string().min(1),
  mimeType: z.string(),
  width: z.number().nullish(),
  height: z.number().nullish(),
}) satisfies z.ZodType<Pick<Media, "alt">>;
export type TMedia = z.infer<typeof media>;

/** An upload field at depth 1: the media document, or null when unset. */
const upload = media.nullish();

const order = z.number().nullish();

/**
 * A link an editor set: the CMS refuses an unsafe one on save, and the build refuses it again for
 * a value written before that check or straight into the database.
 */
const link = z.string().refine(isSafeLink, UNSAFE_LINK_MESSAGE);

export const filingType = z.object({
  slug: z.enum(FILING_TYPE_SLUGS),
  name: z.string().min(1),
  audience: z.string().min(1),
  sellingPoints: z.array(z.object({ text: z.string() })).min(1),
  materials: z.array(z.object({ item: z.string() })).min(1),
  typicalDuration: z.string().nullish(),
  wechatEntityCode: z.number().nullish(),
  price: z.number().nullish(),
  order,
}) satisfies z.ZodType<Pick<FilingType, "slug" | "name" | "audience" | "typicalDuration">>;

/** What a province's administration adds to the checklist (`all`: every province). */
export const provinceRule = z.object({
  province: z.enum([ALL_PROVINCES, ...PROVINCE_CODES]),
  reviewMaxWorkingDays: z.number().positive().nullish(),
  notes: z
    .array(z.object({ filingTypes: z.array(z.enum(FILING_TYPE_SLUGS)), text: z.string().min(1) }))
    .nullish(),
}) satisfies z.ZodType<Pick<ProvinceRule, "province" | "reviewMaxWorkingDays" | "notes">>;

export const filingStage = z.object({
  key: z.enum(STAGE_KEYS),
  title: z.string().min(1),
  summary: z.string().min(1),
  detail: richText.nullish(),
  typicalDuration: z.string().nullish(),
  deadline: z.object({ amount: z.number().nullish(), unit: z.string().nullish() }).nullish(),
  overview: z
    .object({
      show: z.boolean().nullish(),
      title: z.string().nullish(),
      text: z.string().nullish(),
    })
    .nullish(),
  guideSteps: z
    .array(z.object({ number: z.number(), title: z.string(), text: z.string() }))
    .nullish(),
  order,
}) satisfies z.ZodType<Pick<FilingStage, "key" | "title" | "summary">>;

export const guideArticle = z.object({
  phase: z.enum(GUIDE_PHASES),
  title: z.string().min(1),
  tabLabel: z.string().nullish(),
  body: richText.nullish(),
  include: z.enum(["none", "materials", "guide-steps", "stage-details"]).nullish(),
  anchor: z.string().min(1),
  order,
}) satisfies z.ZodType<Pick<GuideArticle, "phase" | "title" | "anchor">>;

export const faq = z.object({
  category: z.enum(FAQ_CATEGORIES),
  question: z.string().min(1),
  answer: richText,
  anchor: z.string().min(1),
  order,
}) satisfies z.ZodType<Pick<Faq, "category" | "question" | "anchor">>;

const industries = INDUSTRIES.map((industry) => industry.value) as [
  (typeof INDUSTRIES)[number]["value"],
  ...(typeof INDUSTRIES)[number]["value"][],
];

export const caseStudy = z.object({
  name: z.string().min(1),
  introduction: z.string().min(1),
  industry: z.enum(industries),
  filingType: z.object({ slug: z.enum(FILING_TYPE_SLUGS), name: z.string() }),
  logo: upload,
  qrImage: upload,
  miniProgramLink: link.nullish(),
  qrCodeSvg: z.string().nullish(),
  featured: z.boolean().nullish(),
  order,
}) satisfies z.ZodType<Pick<Case, "name" | "introduction" | "industry">>;

export const partner = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  logo: upload,
  website: link.nullish(),
  showInStrip: z.boolean().nullish(),
  order,
}) satisfies z.ZodType<Pick<Partner, "key" | "name">>;

export const page = z.object({
  slug: z.enum(["guide", "faq", "cases", "privacy", "thanks", "track", "my", "not-found"]),
  title: z.string().min(1),
  description: z.string().min(1),
  body: richText.nullish(),
  updatedNote: z.string().nullish(),
}) satisfies z.ZodType<Pick<Page, "slug" | "title" | "description">>;

const titleAndText = z.array(z.object({ title: z.string(), text: z.string() })).min(1);

export const landing = z.object({
  hero: z.object({ title: z.string(), subtitle: z.string(), ctaLabel: z.string(), image: upload }),
  promises: z.object({ items: titleAndText }),
  process: z.object({ heading: z.string(), ctaLabel: z.string() }),
  filingTypes: z.object({
    heading: z.string(),
    audiencePrefix: z.string(),
    ctaLabel: z.string(),
    priceFrom: z.string().includes("{price}"),
  }),
  guide: z.object({
    heading: z.string(),
    phaseLabels: z.object({ before: z.string(), during: z.string(), after: z.string() }),
  }),
  advantages: z.object({ heading: z.string(), items: titleAndText }),
  cases: z.object({
    customerCountClaim: z.string(),
    scanLabel: z.string(),
    openLabel: z.string().min(1),
  }),
  partners: z.object({ heading: z.string() }),
}) satisfies z.ZodType<Pick<Landing, "promises" | "cases" | "partners" | "filingTypes">>;

export const siteSettings = z.object({
  brand: z.object({ name: z.string().min(1), logo: upload }),
  hotline: z.string().min(1),
  serviceHours: z.string().nullish(),
  contactEmail: z.string().nullish(),
  icpNumber: z.string().min(1),
  publicSecurityNumber: z.string().nullish(),
  seo: z.object({ title: z.string(), description: z.string(), image: upload }),
  navigation: z.array(z.object({ label: z.string(), href: link })).min(1),
  labels: z.object(
    Object.fromEntries(SITE_LABELS.map(([name]) => [name, z.string().min(1)])) as Record<
      TSiteLabel,
      z.ZodString
    >,
  ),
  consult: z.object({
    openLabel: z.string().min(1),
    callLabel: z.string().min(1),
    ctaHeading: z.string().min(1),
    ctaText: z.string().min(1),
    pageTitle: z.string().min(1),
    pageDescription: z.string().min(1),
  }),
  faqCategories: z
    .array(
      z.object({
        category: z.enum(FAQ_CATEGORIES),
        title: z.string(),
        intro: z.string().nullish(),
        outro: z.string().nullish(),
      }),
    )
    .min(1),
}) satisfies z.ZodType<Pick<SiteSetting, "hotline" | "icpNumber" | "consult">>;
