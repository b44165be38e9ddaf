/**
 * A document's 网站更新中… / 已上线 (用时 N 秒) / 更新失败, read from the publisher's builds: over
 * real HTTP against a seeded Payload whose publisher runs a stand-in site (its release script
 * fails while a `fail` file exists), and the rule itself on hand-made build histories.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reasonText } from "../admin/SitePublishStatus/reasons.ts";
import { startSeededServer, type TSeededServer } from "../testing/server.ts";
import { statusFromBuilds } from "./documentStatus.ts";

const URL_OF_PAGE = "http://site.test/faq/#a";

describe("the rule", () => {
  const publishedAt = Date.UTC(2026, 10, 30, 4, 0, 0);
  const at = new Date(publishedAt).toISOString();

  it("a build that started before the publish does not carry it", () => {
    const builds = [
      {
        reasons: ["faqs#1"],
        startedAt: publishedAt - 1,
        finishedAt: publishedAt + 5_000,
        ok: true,
      },
    ];
    expect(statusFromBuilds(publishedAt, builds, true, URL_OF_PAGE)).toEqual({
      state: "updating",
      publishedAt: at,
    });
  });

  it("the first successful build after the publish puts it live, timed from the publish", () => {
    const builds = [
      {
        reasons: ["faqs#1"],
        startedAt: publishedAt + 1_500,
        finishedAt: publishedAt + 9_400,
        ok: true,
      },
      {
        reasons: ["faqs#2"],
        startedAt: publishedAt + 60_000,
        finishedAt: publishedAt + 70_000,
        ok: true,
      },
    ];
    expect(statusFromBuilds(publishedAt, builds, true, URL_OF_PAGE)).toEqual({
      state: "live",
      publishedAt: at,
      seconds: 9,
      url: URL_OF_PAGE,
    });
  });

  it("a failed build after the publish, and nothing pending, is 更新失败 with its log", () => {
    const builds = [
      {
        reasons: ["faqs#1"],
        startedAt: publishedAt + 1_500,
        finishedAt: publishedAt + 4_000,
        ok: false,
        error: "faqs › answer is required",
      },
    ];
    expect(statusFromBuilds(publishedAt, builds, false, URL_OF_PAGE)).toMatchObject({
      state: "failed",
      error: "faqs › answer is required",
    });
    expect(statusFromBuilds(publishedAt, builds, true, URL_OF_PAGE).state).toBe("updating");
  });

  it("the triggers read in the admin's words", () => {
    expect(reasonText("landing, faqs#3, manual rebuild", "zh")).toBe(
      "首页、常见问题 #3、手动重新发布",
    );
    expect(reasonText("cases#4 deleted, pages#1 … (+2)", "zh")).toBe(
      "客户案例 #4(已删除)、页面 #1 等另 2 项",
    );
    expect(reasonText("landing", "en")).toBe("Landing page");
  });
});

describe("GET /api/site/publish-status", () => {
  let seeded: TSeededServer;
  let siteDir: string;
  let editor: string;

  beforeAll(async () => {
    siteDir = path.join(process.env.TMPDIR ?? "/tmp", `beian-status-test-${process.pid}`, "site");
    mkdirSync(path.join(siteDir, "scripts"), { recursive: true });
    writeFileSync(
      path.join(siteDir, "scripts", "release.ts"),
      `import { existsSync } from "node:fs";
if (existsSync("fail")) { console.error("faqs › answer is required"); process.exit(1); }
console.log("release: r" + Date.now());
`,
    );
    seeded = await startSeededServer({ SITE_DIR: siteDir, SITE_URL: "http://site.test" });
    editor = (await seeded.server.staffTokens()).editor;
  });

  afterAll(async () => {
    await seeded?.close();
  });

  const status = async (doc: string, token = editor) => {
    const response = await fetch(`${seeded.server.url}/api/site/publish-status?doc=${doc}`, {
      headers: token ? { Authorization: `JWT ${token}` } : {},
    });
    return { code: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  async function publishFaq(id: number, question: string) {
    await seeded.t.payload.update({
      collection: "faqs",
      id,
      data: { question, _status: "published" },
    });
  }

  async function until(doc: string, state: string) {
    for (;;) {
      const { body } = await status(doc);
      if (body.state === state) return body;
      expect(body.state).toBe("updating");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("follows a publish from 网站更新中… to 已上线 with the page's address", async () => {
    const { docs } = await seeded.t.payload.find({ collection: "faqs", limit: 1, sort: "order" });
    const faq = docs[0];
    if (!faq) throw new Error("no seeded FAQ");
    await publishFaq(faq.id, `${faq.question}(改)`);
    expect((await status(`faqs:${faq.id}`)).body.state).toBe("updating");
    const live = await until(`faqs:${faq.id}`, "live");
    expect(live.url).toBe(`http://site.test/faq/#${faq.anchor}`);
    expect(live.seconds).toBeGreaterThanOrEqual(1);

    // A draft saved over it changes nothing visitors see: no build, still live.
    await seeded.t.payload.update({
      collection: "faqs",
      id: faq.id,
      data: { question: "只是草稿" },
      draft: true,
    });
    expect((await status(`faqs:${faq.id}`)).body).toEqual(live);

    writeFileSync(path.join(siteDir, "fail"), "");
    try {
      await publishFaq(faq.id, `${faq.question}(再改)`);
      const failed = await until(`faqs:${faq.id}`, "failed");
      expect(failed.error).toContain("faqs › answer is required");
    } finally {
      rmSync(path.join(siteDir, "fail"));
    }
  });

  it("is for staff only, about pages of the site only", async () => {
    expect((await status("landing", "")).code).toBe(401);
    expect((await status("orders:1")).code).toBe(400);
  });
});
