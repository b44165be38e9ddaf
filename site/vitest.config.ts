import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "site",
    environment: "node",
    include: ["scripts/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
