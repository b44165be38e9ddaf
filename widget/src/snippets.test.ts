import { FILING_TYPE_SLUGS } from "@beian/contract";
import { describe, expect, it } from "vitest";
import { embedSnippets } from "./snippets.ts";

const SITE = "https://beian.example.com/";
const CMS = "https://cms.beian.example.com";

/** name → { tag, type, value } of every control in a snippet (enough HTML parsing for a test). */
function controls(html: string) {
  const found = new Map<string, { tag: string; type?: string; value?: string }>();
  for (const match of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const attributes = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ""]),
    );
    if (attributes.name) {
      found.set(attributes.name, {
        tag: match[1] ?? "",
        type: attributes.type,
        value: attributes.value,
      });
    }
  }
  return found;
}

describe("embedSnippets", () => {
  it("gives the one-tag embed and the iframe for a partner", () => {
    const { script, iframe } = embedSnippets({ siteUrl: SITE, cmsUrl: CMS, partner: "acme-cloud" });
    expect(script).toBe(
      '<script src="https://beian.example.com/widget/v1/widget.js" data-partner="acme-cloud" async></script>',
    );
    expect(iframe).toMatch(
      /^<iframe src="https:\/\/beian\.example\.com\/embed\/\?partner=acme-cloud" /,
    );
    expect(iframe).toMatch(/ title="[^"]+"/);
    expect(iframe).toMatch(/><\/iframe>$/);
  });

  it("builds a plain-HTML lead form that posts urlencoded to the CMS", () => {
    const { html } = embedSnippets({ siteUrl: SITE, cmsUrl: CMS, partner: "acme-cloud" });
    expect(html).toContain(`action="${CMS}/api/public/leads"`);
    expect(html).toContain('method="post"');
    expect(html).toContain('enctype="application/x-www-form-urlencoded"');
    expect(html).not.toMatch(/<script|\son\w+=/i);
    const fields = controls(html);
    expect([...fields.keys()].sort()).toEqual(
      [
        "name",
        "phone",
        "email",
        "company",
        "filingType",
        "message",
        "consent.privacy",
        "consent.sharing",
        "partner",
        "website",
      ].sort(),
    );
    expect(fields.get("partner")).toEqual({ tag: "input", type: "hidden", value: "acme-cloud" });
    expect(fields.get("consent.privacy")).toMatchObject({ type: "checkbox", value: "true" });
    expect(fields.get("consent.sharing")).toMatchObject({ type: "checkbox", value: "true" });
    expect(fields.get("phone")).toMatchObject({ type: "tel" });
    expect(fields.get("filingType")?.tag).toBe("select");
    expect(fields.get("message")?.tag).toBe("textarea");
    for (const slug of FILING_TYPE_SLUGS) expect(html).toContain(`<option value="${slug}">`);
    expect(html).toContain(`href="https://beian.example.com/privacy/"`);
    expect(html).toMatch(/<label for="beian-name">姓名<\/label>/);
    expect(html).toMatch(/<label for="beian-phone">手机号<\/label>/);
  });

  it("hides the honeypot from people: off-screen, aria-hidden, out of the tab order", () => {
    const { html } = embedSnippets({ siteUrl: SITE, cmsUrl: CMS, partner: "direct" });
    const honeypot =
      /<p aria-hidden="true" style="[^"]*left:-10000px[^"]*">\s*<label>[^<]*<input [^>]*name="website"[^>]*>/.exec(
        html,
      );
    expect(honeypot?.[0]).toContain('tabindex="-1"');
  });

  it("asks for sharing consent only through a partner", () => {
    const direct = controls(embedSnippets({ siteUrl: SITE, cmsUrl: CMS, partner: "direct" }).html);
    expect(direct.has("consent.sharing")).toBe(false);
    expect(direct.get("partner")?.value).toBe("direct");
    const named = embedSnippets({
      siteUrl: SITE,
      cmsUrl: CMS,
      partner: "acme",
      partnerName: "Acme 云",
    });
    expect(named.html).toContain("Acme 云");
  });

  it("escapes what it is given", () => {
    const { script, html } = embedSnippets({
      siteUrl: 'https://x.example/"><script>',
      cmsUrl: CMS,
      partner: 'a"b',
      filingTypes: [{ slug: "personal", name: "<b>个人</b>" }],
    });
    expect(script).not.toContain('"><script>');
    expect(script).toContain('data-partner="a&quot;b"');
    expect(html).toContain("&lt;b&gt;个人&lt;/b&gt;");
  });

  it("imports neither React nor the embed's renderer", async () => {
    const { readFile } = await import("node:fs/promises");
    const source = await readFile(new URL("./snippets.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/from "(react|react-dom|\.\/renderer)[^"]*"/);
  });
});
