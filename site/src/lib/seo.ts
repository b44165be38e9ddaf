/** JSON-LD builders (schema.org) for the pages that describe services and answer questions. */
import { siteEnv } from "../env.ts";
import { richTextToHtml } from "./richText.ts";

type TType = { slug: string; name: string; audience: string; price?: number | null | undefined };

export function serviceJsonLd(brand: string, types: TType[]): Record<string, unknown> {
  const { SITE_URL } = siteEnv();
  return {
    "@context": "https://schema.org",
    "@type": "Service",
    name: `${brand} · 小程序 ICP 备案代办`,
    serviceType: "小程序 ICP 备案",
    provider: { "@id": `${SITE_URL}/#organization` },
    areaServed: { "@type": "Country", name: "中国" },
    offers: types.map((type) => ({
      "@type": "Offer",
      name: type.name,
      url: `${SITE_URL}/types/${type.slug}/`,
      ...(type.price != null ? { price: type.price, priceCurrency: "CNY" } : {}),
      eligibleCustomerType: type.audience,
      itemOffered: {
        "@type": "Service",
        name: type.name,
        audience: { "@type": "Audience", audienceType: type.audience },
      },
    })),
  };
}

/**
 * How many questions the FAQPage data carries. Search engines show a handful of them; every answer
 * listed is also on the page, so listing all 300 of a grown FAQ would double the page's weight
 * (about 300 bytes a question) for nothing a search engine uses.
 */
export const FAQ_JSON_LD_MAX_QUESTIONS = 20;

/** The FAQPage data for the first questions, in the order given (the editors' order). */
export function faqPageJsonLd(
  faqs: { question: string; answer: unknown }[],
): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: faqs.slice(0, FAQ_JSON_LD_MAX_QUESTIONS).map((faq) => ({
      "@type": "Question",
      name: faq.question,
      acceptedAnswer: {
        "@type": "Answer",
        text: richTextToHtml(faq.answer)
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
      },
    })),
  };
}
