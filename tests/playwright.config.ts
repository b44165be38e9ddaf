import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the real stack (`scripts/start.ts`) on free ports and a throw-away
 * database, driven in Debian's Chromium (browser downloads are not possible here).
 */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
  // A UTF-8 locale whatever the shell's (a CI runner's is often plain C): in a C locale Chromium
  // on Linux cannot write a Chinese file name and saves a download as "download" instead of
  // 线索-2026-11-30.csv. Users' browsers (Windows, macOS, a Linux desktop) all have one.
  env: { ...process.env, LC_ALL: "C.UTF-8" },
};

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./fixtures/stack.ts",
  // The first run builds the CMS (minutes on two cores); tests then run quickly.
  globalTimeout: 30 * 60 * 1000,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    // The site at phone width; the CMS's admin and API are exercised on desktop only.
    {
      name: "mobile",
      testMatch: /site\.spec\.ts/,
      use: { ...devices["Pixel 7"], launchOptions: chromium },
    },
  ],
});
