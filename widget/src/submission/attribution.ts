/** Where a submission came from: the page, its referrer and the host page's utm_* parameters. */

export const UTM_KEYS = ["source", "medium", "campaign", "term", "content"] as const;
export type TUtm = Partial<Record<(typeof UTM_KEYS)[number], string>>;
export type TSource = { pageUrl?: string; referrer?: string; utm?: TUtm };

/** `?utm_source=a&utm_medium=` → `{ source: "a" }`; undefined when no utm_* parameter is set. */
export function parseUtm(search: string): TUtm | undefined {
  const params = new URLSearchParams(search);
  const utm: TUtm = {};
  let any = false;
  for (const key of UTM_KEYS) {
    const value = params.get(`utm_${key}`)?.trim().slice(0, 200);
    if (value) {
      utm[key] = value;
      any = true;
    }
  }
  return any ? utm : undefined;
}

/** The `source` of a payload, from the host page's location and referrer. */
export function sourceOf(href: string, referrer: string): TSource {
  const source: TSource = { pageUrl: href.slice(0, 2000) };
  if (referrer) source.referrer = referrer.slice(0, 2000);
  const utm = parseUtm(new URL(href).search);
  if (utm) source.utm = utm;
  return source;
}
