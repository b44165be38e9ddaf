import { describe, expect, it } from "vitest";
import { richTextToHtml } from "./richText.ts";

/** A document whose only paragraph is one link to `url`. */
const linkTo = (url: string) => ({
  root: {
    type: "root",
    children: [
      {
        type: "paragraph",
        children: [{ type: "link", fields: { url }, children: [{ type: "text", text: "链接" }] }],
      },
    ],
  },
});

describe("rich text links", () => {
  it.each([
    ["https://beian.example/guide/", ' rel="noopener noreferrer"'],
    ["http://beian.example/", ' rel="noopener noreferrer"'],
    ["mailto:service@beian.example", ""],
    ["tel:4009986176", ""],
    ["/guide/#materials", ""],
    ["/", ""],
    ["#materials", ""],
  ])("links %s", (url, rel) => {
    expect(richTextToHtml(linkTo(url))).toBe(`<p><a href="${url}"${rel}>链接</a></p>`);
  });

  it.each([
    "//evil.example/phish",
    "/\\evil.example/phish",
    "/\t/evil.example/phish",
    " //evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "guide/",
  ])("renders %j as plain text: not http(s), mailto, tel or a path on this site", (url) => {
    expect(richTextToHtml(linkTo(url))).toBe("<p>链接</p>");
  });
});

/** A document whose only paragraph is `text`, or `text` inside a link to `url`. */
const paragraph = (text: string, url?: string) => ({
  root: {
    type: "root",
    children: [
      {
        type: "paragraph",
        children: url
          ? [{ type: "link", fields: { url }, children: [{ type: "text", text }] }]
          : [{ type: "text", text }],
      },
    ],
  },
});

describe("phone numbers in the text", () => {
  it.each([
    ["联系我们:400-998-6176", '联系我们:<a href="tel:4009986176">400-998-6176</a>'],
    ["热线 4009986176。", '热线 <a href="tel:4009986176">4009986176</a>。'],
    ["手机 139 1234 5678 或", '手机 <a href="tel:13912345678">139 1234 5678</a> 或'],
    ["座机 020-12345678", '座机 <a href="tel:02012345678">020-12345678</a>'],
    [
      "800-123-4567 与 400-998-6176",
      '<a href="tel:8001234567">800-123-4567</a> 与 <a href="tel:4009986176">400-998-6176</a>',
    ],
  ])("%j becomes a tel: link", (text, html) => {
    expect(richTextToHtml(paragraph(text))).toBe(`<p>${html}</p>`);
  });

  it.each([
    "管局将在1-20个工作日内审核",
    "2023年9月起",
    "订单号 BA-2026-000123",
    "AppID wx13912345678123",
    "粤公网安备00000000000000号",
    "国务院292号令",
  ])("%j has no phone number and stays text", (text) => {
    expect(richTextToHtml(paragraph(text))).toBe(`<p>${text}</p>`);
  });

  it("escapes the text around a number and does not nest a link in a link", () => {
    expect(richTextToHtml(paragraph("<b>400-998-6176</b>"))).toBe(
      '<p>&lt;b&gt;<a href="tel:4009986176">400-998-6176</a>&lt;/b&gt;</p>',
    );
    expect(richTextToHtml(paragraph("400-998-6176", "/contact/"))).toBe(
      '<p><a href="/contact/">400-998-6176</a></p>',
    );
  });
});
