import { fileURLToPath } from "node:url";
import { getViteConfig } from "astro/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Astro's Vite setup, so a test can render pages and components with Astro's container
 * (src/lib/pageBudget.test.ts) as the build does; the other tests are plain Node. The root is
 * this package's, also when the repository's vitest runs every package.
 */
export default getViteConfig(
  {
    root,
    test: {
      name: "site",
      environment: "node",
      include: ["scripts/**/*.test.ts", "src/**/*.test.ts"],
      testTimeout: 120_000,
    },
  },
  { root },
);
