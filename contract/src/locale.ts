/** The languages the public API answers in: Chinese first, English on request. */

export type TLocale = "zh-CN" | "en";

/** `Accept-Language` → our locale: English only when preferred over Chinese. */
export function localeFrom(acceptLanguage: string | null | undefined): TLocale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.tag)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((entry) => entry.tag.startsWith("en") || entry.tag.startsWith("zh"));
  return first?.tag.startsWith("en") ? "en" : "zh-CN";
}
