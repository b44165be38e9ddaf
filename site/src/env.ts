/** The site build's configuration (CONTRACT §2), parsed once; nothing else reads process.env. */
import { z } from "zod";

const SiteEnvSchema = z.object({
  CMS_URL: z.url().default("http://127.0.0.1:3000"),
  SITE_URL: z.url().default("http://127.0.0.1:4321"),
  SITE_OUT_DIR: z.string().min(1).optional(),
  /** Astro's cache; release.ts gives each CMS its own so parallel stacks never share one. */
  SITE_CACHE_DIR: z.string().min(1).optional(),
  /**
   * Preview builds only (the CMS's `cms/src/preview/`): a JSON file holding one document's draft,
   * `{ "source": "faqs" | "globals/landing", "doc": {…} }`, which the loaders put in place of (or
   * beside) what the CMS publishes; the layout then marks every page as a preview, not indexed.
   */
  SITE_PREVIEW_DRAFT: z.string().min(1).optional(),
  /** Preview builds only: the path the CMS serves the preview under (Astro's `base`). */
  SITE_BASE: z.string().startsWith("/").optional(),
  /**
   * Cases on one page of the gallery (lib/casePages.ts; default 24). Lower only to see the pager
   * with few cases, as the end-to-end test of paging does; every page must stay under 200 KB.
   */
  SITE_CASES_PER_PAGE: z.coerce.number().int().min(1).max(100).optional(),
  /** `astro check` only: generate types from the schemas without reading the CMS. Never for builds. */
  SITE_TYPECHECK_ONLY: z.enum(["1"]).optional(),
});

export type TSiteEnv = z.infer<typeof SiteEnvSchema>;

export function siteEnv(source: Record<string, string | undefined> = process.env): TSiteEnv {
  const defined = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = SiteEnvSchema.safeParse(defined);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid site environment:\n${lines.join("\n")}`);
  }
  return { ...result.data, CMS_URL: result.data.CMS_URL.replace(/\/$/, "") };
}

/**
 * Astro's cache folder (release.ts sets one per CMS; a plain `astro build` uses Astro's default),
 * where the build also keeps what it made once and reuses: the QR codes' SVG (lib/qrCodes.ts) and
 * the images drawn from SVG (lib/svgRaster.ts, served by pages/img/).
 */
export function buildCacheDir(): string {
  return siteEnv().SITE_CACHE_DIR ?? "node_modules/.astro";
}
