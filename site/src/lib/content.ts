/** Typed access to the published content, in display order, for pages and components. */
import { type CollectionKey, getCollection, getEntry } from "astro:content";

type TOrdered = { data: { order?: number | null | undefined } };
const byOrder = (a: TOrdered, b: TOrdered) => (a.data.order ?? 100) - (b.data.order ?? 100);

export async function ordered<
  C extends Exclude<CollectionKey, "landing" | "siteSettings" | "pages" | "provinceRules">,
>(collection: C) {
  return (await getCollection(collection)).sort(byOrder);
}

export async function siteSettings() {
  const entry = await getEntry("siteSettings", "main");
  if (!entry) throw new Error("site-settings missing from the content layer");
  return entry.data;
}

export async function landing() {
  const entry = await getEntry("landing", "main");
  if (!entry) throw new Error("landing missing from the content layer");
  return entry.data;
}

/** Every published province rule (`all` and the provinces that add something). */
export async function provinceRules() {
  return (await getCollection("provinceRules")).map((entry) => entry.data);
}

export async function page(
  slug: "guide" | "faq" | "cases" | "privacy" | "thanks" | "track" | "my" | "not-found",
) {
  const entry = await getEntry("pages", slug);
  if (!entry) {
    throw new Error(
      `The CMS publishes no page with slug "${slug}" (collection pages): refusing to build without it`,
    );
  }
  return entry.data;
}

/** `tel:` link for a hotline as printed (400-998-6176 → tel:4009986176). */
export function telHref(hotline: string): string {
  return `tel:${hotline.replace(/[^\d+]/g, "")}`;
}
