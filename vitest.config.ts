import { defineConfig } from "vitest/config";

/** Unit and integration tests of every package; each package's own vitest.config.ts applies. */
export default defineConfig({
  test: {
    projects: ["cms", "contract", "site", "widget"],
  },
});
