import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "cms",
    environment: "node",
    include: ["src/**/*.test.ts"],
    // Each file boots Payload on its own SQLite file; two cores, so no more than two at once.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
