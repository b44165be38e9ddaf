import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "widget",
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    // beforeAll builds the embed scripts (esbuild, then terser): slow on a shared machine
    hookTimeout: 60_000,
  },
});
