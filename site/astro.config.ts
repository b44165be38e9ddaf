import react from "@astrojs/react";
import { defineConfig } from "astro/config";
import { siteEnv } from "./src/env.ts";

const env = siteEnv();

export default defineConfig({
  site: env.SITE_URL,
  output: "static",
  // release.ts builds each release into its own folder; `astro build` alone writes dist/.
  outDir: env.SITE_OUT_DIR ?? "./dist",
  ...(env.SITE_CACHE_DIR ? { cacheDir: env.SITE_CACHE_DIR } : {}),
  // A preview is served by the CMS under its own path; the live site is always at the root.
  ...(env.SITE_BASE ? { base: env.SITE_BASE } : {}),
  trailingSlash: "always",
  // Four pages at a time: drawing a new case's images waits on sharp's threads, so two cores draw
  // at once (a build with 5,000 new QR codes: 59 s one at a time, 32 s four at a time).
  build: { format: "directory", inlineStylesheets: "always", concurrency: 4 },
  compressHTML: true,
  // Pages of dynamic routes whose key (lib/pageKeys.ts) and code are unchanged since the last build
  // are copied from the cache, not rendered: a publish redraws what changed, not 900 gallery pages.
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  integrations: [react()],
  image: {
    // Uploaded photos are fetched from the CMS at build time and emitted with the site.
    remotePatterns: [
      {
        protocol: new URL(env.CMS_URL).protocol.replace(":", ""),
        hostname: new URL(env.CMS_URL).hostname,
      },
    ],
  },
});
