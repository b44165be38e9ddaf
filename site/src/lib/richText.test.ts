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
