/**
 * The site publisher against a real Payload (SQLite) and a real child process: a stand-in site
 * whose release script records each build, so debouncing and failure handling can be observed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { createSitePublisher } from "./publisher.ts";

let t: TTestPayload;
let siteDir: string;
const builds = () =>
  readFileSync(path.join(siteDir, "builds.log"), "utf8").trim().split("\n").filter(Boolean);

beforeAll(async () => {
  t = await createTestPayload();
  siteDir = path.join(t.dir, "site");
  mkdirSync(path.join(siteDir, "scripts"), { recursive: true });
  writeFileSync(path.join(siteDir, "builds.log"), "");
  // Fails when told to by a marker file; otherwise logs the build and names its release.
  writeFileSync(
    path.join(siteDir, "scripts", "release.ts"),
    `import { appendFileSync, existsSync } from "node:fs";
if (existsSync("fail")) { console.error("content invalid: faqs › answer is required"); process.exit(1); }
appendFileSync("builds.log", process.env.CMS_URL + "\\n");
console.log("release: r" + Date.now());
`,
  );
});

afterAll(async () => {
  await t?.close();
});

const publisherFor = () =>
  createSitePublisher(t.payload, {
    siteDir,
    quietMs: 200,
    maxWaitMs: 1_000,
    buildEnv: { CMS_URL: "http://cms.test", SITE_URL: "http://site.test" },
  });

describe("site publisher", () => {
  it("turns a burst of publishes into one build and records it", async () => {
    const publisher = publisherFor();
    for (let i = 0; i < 5; i++) publisher.schedule(`faqs#${i}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publisher.idle();
    expect(builds()).toEqual(["http://cms.test"]);
    const status = await t.payload.findGlobal({ slug: "site-publish" });
    expect(status).toMatchObject({ state: "succeeded", error: null });
    expect(status.release).toMatch(/^r\d+$/);
    expect(status.reason).toContain("faqs#0");
    expect(status.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("a failed build is recorded with its error; the next publish builds again", async () => {
    const before = builds().length;
    const publisher = publisherFor();
    writeFileSync(path.join(siteDir, "fail"), "");
    publisher.schedule("faqs#9");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publisher.idle();
    const failed = await t.payload.findGlobal({ slug: "site-publish" });
    expect(failed.state).toBe("failed");
    expect(failed.error).toContain("content invalid");
    expect(failed.lastSuccessAt).toBeTruthy();
    expect(builds().length).toBe(before);

    rmSync(path.join(siteDir, "fail"));
    publisher.schedule("faqs#9 fixed");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await publisher.idle();
    expect((await t.payload.findGlobal({ slug: "site-publish" })).state).toBe("succeeded");
    expect(builds().length).toBe(before + 1);
  });

  it("calls the deploy hook instead when SITE_BUILD_HOOK_URL is set", async () => {
    const calls: { method: string; body: string }[] = [];
    let answer = 204;
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        calls.push({ method: req.method ?? "", body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const publisher = createSitePublisher(t.payload, {
        hookUrl: `http://127.0.0.1:${port}/hooks/deploy`,
        quietMs: 100,
        maxWaitMs: 500,
        buildEnv: {},
      });
      publisher.schedule("landing");
      publisher.schedule("faqs#3");
      await new Promise((resolve) => setTimeout(resolve, 20));
      await publisher.idle();
      expect(calls).toEqual([
        { method: "POST", body: JSON.stringify({ reason: "landing, faqs#3" }) },
      ]);
      expect((await t.payload.findGlobal({ slug: "site-publish" })).state).toBe("succeeded");

      answer = 500;
      publisher.schedule("faqs#4");
      await new Promise((resolve) => setTimeout(resolve, 20));
      await publisher.idle();
      const failed = await t.payload.findGlobal({ slug: "site-publish" });
      expect(failed).toMatchObject({ state: "failed", error: "build hook answered 500" });
    } finally {
      server.close();
    }
  });

  it("is only readable by staff", async () => {
    await expect(
      t.payload.findGlobal({ slug: "site-publish", overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
