/**
 * A release never publishes a broken site: when the CMS is down or sends bad data the build fails
 * with a message that says why, and the live release stays exactly as it was.
 */
import { spawn } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inheritedEnv } from "../../scripts/lib/inheritedEnv.ts";

const release = path.join(path.dirname(fileURLToPath(import.meta.url)), "release.ts");
let dir: string;
let releasesDir: string;
let badCms: Server;
let badCmsUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "beian-release-test-"));
  releasesDir = path.join(dir, "releases");
  mkdirSync(path.join(releasesDir, "previous"), { recursive: true });
  writeFileSync(path.join(releasesDir, "previous", "index.html"), "<h1>previous</h1>");
  symlinkSync("previous", path.join(releasesDir, "current"));
  // Answers like Payload, but the FAQs lack their answers and filing types their slugs.
  badCms = createServer((req, res) => {
    const url = req.url ?? "";
    const body = url.startsWith("/api/globals/")
      ? { updatedAt: "2026-01-01T00:00:00Z" }
      : { docs: [{ id: 1, question: "没有回答的问题", anchor: "broken", category: "general" }] };
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => badCms.listen(0, "127.0.0.1", resolve));
  badCmsUrl = `http://127.0.0.1:${(badCms.address() as AddressInfo).port}`;
});

afterAll(() => {
  badCms?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asynchronous on purpose: the stand-in CMS above answers from this same process. */
function runRelease(cmsUrl: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [release], {
      env: {
        ...inheritedEnv(),
        CMS_URL: cmsUrl,
        SITE_URL: "http://127.0.0.1:4321",
        SITE_RELEASES_DIR: releasesDir,
      },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (status) => resolve({ status, output }));
  });
}

function expectPreviousStillLive() {
  expect(readlinkSync(path.join(releasesDir, "current"))).toBe("previous");
  expect(readdirSync(releasesDir).sort()).toEqual(["current", "previous"]);
}

describe("site release", () => {
  it("fails clearly when the CMS cannot be reached, keeping the live site", async () => {
    const { status, output } = await runRelease("http://127.0.0.1:9");
    expect(status).not.toBe(0);
    expect(output).toContain("Cannot reach the CMS at http://127.0.0.1:9");
    expectPreviousStillLive();
  });

  it("fails clearly when the CMS sends data the site cannot use, keeping the live site", async () => {
    const { status, output } = await runRelease(badCmsUrl);
    expect(status).not.toBe(0);
    // Collections load in parallel: whichever fails first is named, with its bad entry.
    expect(output).toMatch(
      /(filingTypes|filingStages|guideArticles|faqs|cases|pages|provinceRules) → \S+ data does not match collection schema/,
    );
    expectPreviousStillLive();
  });
});
