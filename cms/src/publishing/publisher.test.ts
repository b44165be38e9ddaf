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

beforeAll(async () => {
  t = await createTestPayload();
});

afterAll(async () => {
  await t?.close();
});

/**
 * A stand-in site of the test's own: its release script logs each build and names its release,
 * or fails (as on invalid content) while `failing(true)` is set.
 */
function standInSite(name: string) {
  const dir = path.join(t.dir, name);
  mkdirSync(path.join(dir, "scripts"), { recursive: true });
  writeFileSync(path.join(dir, "builds.log"), "");
  writeFileSync(
    path.join(dir, "scripts", "release.ts"),
    `import { appendFileSync, existsSync } from "node:fs";
if (existsSync("fail")) { console.error("content invalid: faqs › answer is required"); process.exit(1); }
appendFileSync("builds.log", process.env.CMS_URL + "\\n");
console.log("release: r" + Date.now());
`,
  );
  return {
    builds: () =>
      readFileSync(path.join(dir, "builds.log"), "utf8").trim().split("\n").filter(Boolean),
    failing: (fail: boolean) =>
      fail ? writeFileSync(path.join(dir, "fail"), "") : rmSync(path.join(dir, "fail")),
    publisher: () =>
      createSitePublisher(t.payload, {
        siteDir: dir,
        quietMs: 200,
        maxWaitMs: 1_000,
        buildEnv: { CMS_URL: "http://cms.test", SITE_URL: "http://site.test" },
      }),
  };
}

const publishStatus = () => t.payload.findGlobal({ slug: "site-publish" });

/** A deploy hook answering `answer.status`, recording each call. */
async function deployHook() {
  const calls: { method: string; body: string }[] = [];
  const answer = { status: 204 };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      calls.push({ method: req.method ?? "", body });
      res.writeHead(answer.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/deploy`,
    calls,
    answer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("site publisher", () => {
  it("turns a burst of publishes into one build and records it", async () => {
    const site = standInSite("burst");
    const publisher = site.publisher();
    for (let i = 0; i < 5; i++) publisher.schedule(`faqs#${i}`);
    await publisher.idle();
    expect(site.builds()).toEqual(["http://cms.test"]);
    const status = await publishStatus();
    expect(status).toMatchObject({ state: "succeeded", error: null });
    expect(status.release).toMatch(/^r\d+$/);
    expect(status.reason).toContain("faqs#0");
    expect(status.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("a failed build is recorded with its error; the next publish builds again", async () => {
    const site = standInSite("failing");
    const publisher = site.publisher();
    publisher.schedule("faqs#8");
    await publisher.idle();
    const { lastSuccessAt } = await publishStatus();
    expect(lastSuccessAt).toBeTruthy();

    site.failing(true);
    publisher.schedule("faqs#9");
    await publisher.idle();
    const failed = await publishStatus();
    expect(failed.state).toBe("failed");
    expect(failed.error).toContain("content invalid");
    // The previous site stays live, and the status says since when.
    expect(failed.lastSuccessAt).toBe(lastSuccessAt);
    expect(site.builds()).toHaveLength(1);

    site.failing(false);
    publisher.schedule("faqs#9 fixed");
    await publisher.idle();
    expect((await publishStatus()).state).toBe("succeeded");
    expect(site.builds()).toHaveLength(2);
  });

  it("calls the deploy hook instead when SITE_BUILD_HOOK_URL is set", async () => {
    const hook = await deployHook();
    try {
      const publisher = createSitePublisher(t.payload, {
        hookUrl: hook.url,
        quietMs: 100,
        maxWaitMs: 500,
        buildEnv: {},
      });
      publisher.schedule("landing");
      publisher.schedule("faqs#3");
      await publisher.idle();
      expect(hook.calls).toEqual([
        { method: "POST", body: JSON.stringify({ reason: "landing, faqs#3" }) },
      ]);
      expect((await publishStatus()).state).toBe("succeeded");

      hook.answer.status = 500;
      publisher.schedule("faqs#4");
      await publisher.idle();
      expect(await publishStatus()).toMatchObject({
        state: "failed",
        error: "build hook answered 500",
      });
    } finally {
      await hook.close();
    }
  });

  it("is only readable by staff", async () => {
    await expect(
      t.payload.findGlobal({ slug: "site-publish", overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
