/**
 * Previews over real HTTP (Payload's own REST handler, a seeded SQLite Payload) with a stand-in
 * site whose "astro build" writes the draft it was handed into its output folder, so what the CMS
 * hands over, where the output lands and how it is served can be observed. (The real Astro build
 * of a real draft is driven end to end in tests/e2e/preview-publish.spec.ts.)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer, type TSeededServer } from "../testing/server.ts";
import { assertPrivatePreviewDir } from "./previewBuilds.ts";
import { previewLinkKey, signPreviewToken, verifyPreviewToken } from "./signedLink.ts";

let seeded: TSeededServer;
let siteDir: string;
let previewDir: string;
let editor: string;

/** Writes the draft's hero title and the base it was given; fails on a title containing FAIL. */
const STAND_IN_ASTRO = `import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
const draft = JSON.parse(readFileSync(process.env.SITE_PREVIEW_DRAFT, "utf8"));
const title = draft.doc.hero?.title ?? draft.doc.question ?? "";
if (title.includes("FAIL")) { console.error("landing › hero › title is required"); process.exit(1); }
const out = process.env.SITE_OUT_DIR;
mkdirSync(out + "/faq", { recursive: true });
writeFileSync(out + "/index.html", "<h1>" + title + "</h1><p>" + process.env.SITE_BASE + "</p>");
writeFileSync(out + "/faq/index.html", "<h1>faq</h1>");
writeFileSync(out + "/built-with.json", JSON.stringify({
  base: process.env.SITE_BASE, out, key: process.env.ASTRO_KEY,
}));
`;

beforeAll(async () => {
  const base = path.join(process.env.TMPDIR ?? "/tmp", `beian-preview-test-${process.pid}`);
  siteDir = path.join(base, "site");
  previewDir = path.join(base, "previews");
  mkdirSync(path.join(siteDir, "node_modules", "astro", "bin"), { recursive: true });
  writeFileSync(path.join(siteDir, "node_modules", "astro", "bin", "astro.mjs"), STAND_IN_ASTRO);
  seeded = await startSeededServer({ SITE_DIR: siteDir, SITE_PREVIEW_DIR: previewDir });
  const tokens = await seeded.server.staffTokens();
  editor = tokens.editor;
});

afterAll(async () => {
  await seeded?.close();
});

const get = (pathname: string, token?: string) =>
  fetch(`${seeded.server.url}${pathname}`, {
    headers: token ? { Authorization: `JWT ${token}` } : {},
    redirect: "manual",
  });

/** Saves a landing draft with this hero title (without publishing anything). */
async function saveLandingDraft(title: string): Promise<void> {
  const { payload } = seeded.t;
  const landing = await payload.findGlobal({ slug: "landing", draft: true });
  await payload.updateGlobal({
    slug: "landing",
    data: { hero: { ...landing.hero, title } },
    draft: true,
    context: { sitePublish: "skip" },
  });
}

/** Asks for the landing preview until it is built; returns the preview's address. */
async function previewOfLanding(): Promise<string> {
  for (;;) {
    const response = await get("/api/site-preview?doc=landing", editor);
    if (response.status === 303) return response.headers.get("location") ?? "";
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("生成预览中…");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("signed preview links", () => {
  const key = previewLinkKey("a-test-secret-of-enough-length");
  const now = Date.UTC(2026, 10, 30, 12, 0, 0);
  const inAnHour = now / 1000 + 3600;

  it("a link works until it expires", () => {
    const token = signPreviewToken(key, "20261130-abcd", inAnHour);
    expect(verifyPreviewToken(key, token, now)).toEqual({
      ok: true,
      buildId: "20261130-abcd",
      expiresAtS: inAnHour,
    });
    expect(verifyPreviewToken(key, token, inAnHour * 1000)).toEqual({ ok: false, why: "expired" });
  });

  it("any change to a link, or another secret, makes it worthless", () => {
    const token = signPreviewToken(key, "20261130-abcd", inAnHour);
    const [id, expires, signature] = token.split(".");
    const forged = [
      `20261130-abce.${expires}.${signature}`,
      `${id}.${inAnHour + 3600}.${signature}`,
      `${id}.${expires}.${signature?.slice(0, -1)}A`,
    ];
    for (const link of forged) {
      expect(verifyPreviewToken(key, link, now)).toEqual({ ok: false, why: "tampered" });
    }
    const otherKey = previewLinkKey("another-secret-of-enough-length");
    expect(verifyPreviewToken(otherKey, token, now)).toEqual({ ok: false, why: "tampered" });
    expect(verifyPreviewToken(key, "../../etc", now)).toEqual({ ok: false, why: "malformed" });
  });
});

describe("previews of drafts", () => {
  it("only staff may ask for a preview; a page that is not the site's is refused", async () => {
    const anonymous = await get("/api/site-preview?doc=landing");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" } });
    const unknown = await get("/api/site-preview?doc=users:1", editor);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("renders the draft into the private preview folder and serves it, not indexed", async () => {
    await saveLandingDraft("草稿里的新标题");
    const location = await previewOfLanding();
    expect(location).toMatch(/^\/api\/site-preview\/[a-z0-9-]+\.\d+\.[\w-]+\/$/);

    const page = await get(location);
    expect(page.status).toBe(200);
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    expect(html).toContain("<h1>草稿里的新标题</h1>");
    // Built under the link's own path, so its assets are served behind the same signature.
    expect(html).toContain(location.replace(/\/$/, ""));

    // The output is in the preview folder only; nothing was written into the site.
    const [buildId] = location.split("/")[3]?.split(".") ?? [];
    expect(existsSync(path.join(previewDir, buildId ?? "", "index.html"))).toBe(true);
    expect(readdirSync(siteDir)).toEqual(["node_modules"]);

    // The published landing page is unchanged.
    const published = await seeded.t.payload.findGlobal({ slug: "landing" });
    expect(published.hero.title).not.toBe("草稿里的新标题");
  });

  it("asking again for the same draft reuses its build; a new draft builds again", async () => {
    const first = await previewOfLanding();
    expect(await previewOfLanding()).toBe(first);
    await saveLandingDraft("又改了一次");
    const second = await previewOfLanding();
    expect(second).not.toBe(first);
    expect(await (await get(second)).text()).toContain("又改了一次");
  });

  it("every build has the same folder, base and key, so Astro's incremental build reuses pages", async () => {
    await saveLandingDraft("第三版");
    const third = await previewOfLanding();
    await saveLandingDraft("第四版");
    const fourth = await previewOfLanding();
    const builtWith = async (location: string) => {
      const [buildId] = location.split("/")[3]?.split(".") ?? [];
      const onDisk = readFileSync(path.join(previewDir, buildId ?? "", "built-with.json"), "utf8");
      return {
        onDisk: JSON.parse(onDisk),
        served: await (await get(`${location}built-with.json`)).json(),
      };
    };
    const [a, b] = [await builtWith(third), await builtWith(fourth)];
    expect(a.onDisk).toEqual(b.onDisk);
    expect(a.onDisk.base).toBe("/api/site-preview/_preview_");
    expect(path.dirname(a.onDisk.out)).toBe(previewDir);
    expect(path.basename(a.onDisk.out)).toMatch(/^\.build-[0-9a-f]{12}$/);
    expect(Buffer.from(a.onDisk.key, "base64")).toHaveLength(32);
    // Served, the base is each link's own: its pages' links keep its signature.
    expect(a.served.base).toBe(third.replace(/\/$/, ""));
    expect(b.served.base).toBe(fourth.replace(/\/$/, ""));
    expect(readdirSync(previewDir).filter((name) => name.startsWith(".build"))).toEqual([]);
  });

  it("a tampered or expired link is 403 in the contract's shape; nothing outside the build", async () => {
    const location = await previewOfLanding();
    const token = location.split("/")[3] ?? "";
    const [buildId] = token.split(".");
    const tampered = `${token.slice(0, -2)}xx`;
    const key = previewLinkKey(seeded.t.env.PAYLOAD_SECRET);
    const expired = signPreviewToken(key, buildId ?? "", Math.floor(Date.now() / 1000) - 1);
    for (const bad of [tampered, expired]) {
      const response = await get(`/api/site-preview/${bad}/`);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: { code: "forbidden", message: "预览链接无效或已过期,请在后台重新点「预览」" },
      });
    }
    expect((await get(`/api/site-preview/${token}/faq/`)).status).toBe(200);
    expect((await get(`/api/site-preview/${token}/nothing-here/`)).status).toBe(404);
    expect((await get(`/api/site-preview/${token}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it("a draft the site cannot show says why instead of a preview", async () => {
    await saveLandingDraft("FAIL 这一版缺了必填项");
    let response = await get("/api/site-preview?doc=landing", editor);
    while (response.status === 200) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      response = await get("/api/site-preview?doc=landing", editor);
    }
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("预览生成失败");
    expect(html).toContain("landing › hero › title is required");
  });

  it("a preview folder inside the site's sources is refused", () => {
    expect(() => assertPrivatePreviewDir(path.join(siteDir, "releases", "p"), siteDir)).toThrow(
      /previews must stay private/,
    );
    expect(() => assertPrivatePreviewDir(previewDir, siteDir)).not.toThrow();
  });
});
