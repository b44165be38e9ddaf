/**
 * The page a plain HTML form (no JavaScript) gets back when its post is refused, over real HTTP:
 * the fields under the names the form shows them (手机号, not `phone`), in the visitor's language,
 * looking like the site, loading nothing, with a way back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer, type TTestServer } from "../testing/server.ts";
import { errorPageHtml } from "./errorPage.ts";

const SITE = "http://site.test";
let server: TTestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ server, close } = await startSeededServer({ SITE_URL: SITE, TRUST_PROXY: "true" }));
});

afterAll(() => close?.());

/** Posts the fields as a plain HTML form does; returns the status and the page. */
async function formPost(path: "leads" | "orders", fields: Record<string, string>, lang?: string) {
  const response = await server.postPublic(path, undefined, {
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(lang ? { "Accept-Language": lang } : {}),
    },
    raw: new URLSearchParams(fields).toString(),
  });
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  return { status: response.status, html: await response.text() };
}

/** The page's list of errors as a reader sees it, one line per field. */
const listed = (html: string) =>
  [...html.matchAll(/<li>(.*?)<\/li>/g)].map(([, item = ""]) => item.replace(/<[^>]+>/g, ""));

describe("the no-JavaScript form's error page", () => {
  it("names an order's fields as the form does, in Chinese", async () => {
    const { status, html } = await formPost("orders", {
      filingType: "personal",
      "contact.name": "",
      "contact.phone": "12",
      "entity.province": "",
      "consent.privacy": "true",
    });
    expect(status).toBe(400);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<h1>请检查填写的信息</h1>");
    expect(listed(html)).toEqual([
      "联系人:请填写此项",
      "手机号:请输入有效的中国大陆手机号",
      "主体所在省份:请填写此项",
    ]);
    expect(html).not.toMatch(/contact\.|entity\.|phone:/);
  });

  it("names a lead's fields, and in English for an English visitor", async () => {
    const zh = await formPost("leads", { name: "赵六", phone: "1", "consent.privacy": "true" });
    expect(listed(zh.html)).toEqual(["手机号:请输入有效的中国大陆手机号"]);
    const unticked = await formPost("leads", { name: "赵六", phone: "13900139000" });
    expect(listed(unticked.html)).toEqual(["同意隐私政策:请填写此项"]);
    const en = await formPost("leads", { name: "", phone: "13900139000" }, "en");
    expect(en.html).toContain('<html lang="en">');
    expect(listed(en.html).map((item) => item.split(":")[0])).toEqual(["Name", "Privacy consent"]);
  });

  it("looks like the site, loads nothing, and leads back to the form and the site", async () => {
    const { html } = await formPost("leads", { name: "赵六", phone: "1" });
    // The site's colours and font stack (site/src/styles/global.css), inline.
    const css = /<style>([^<]*)<\/style>/.exec(html)?.[1];
    expect(css).toContain('"PingFang SC"');
    expect(css).toContain("#1f5fbf");
    expect(html).not.toMatch(/<link|<script|<img|\ssrc=|url\(|@import/);
    expect(html).toContain('<a href="javascript:history.back()">返回修改</a>');
    expect(html).toContain(`<a href="${SITE}">返回首页</a>`);
  });
});

describe("errorPageHtml", () => {
  it("escapes what it prints, and leaves a field the form has no control for unnamed", () => {
    const html = errorPageHtml({
      locale: "zh-CN",
      invalidFields: true,
      fields: { "<b>": "坏<i>", partner: "合作伙伴不存在或已停用" },
      summary: "",
      home: undefined,
    });
    expect(html).toContain('<li><span class="why">坏&lt;i&gt;</span></li>');
    expect(html).toContain('<li><span class="why">合作伙伴不存在或已停用</span></li>');
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("返回首页");
  });
});
