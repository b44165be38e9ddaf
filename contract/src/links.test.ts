import { describe, expect, it } from "vitest";
import { isSafeLink, safeLink } from "./links.ts";

describe("links an editor may set", () => {
  it.each([
    "https://beian.example/guide/",
    "http://beian.example/",
    "HTTPS://BEIAN.EXAMPLE/",
    "mailto:service@beian.example",
    "tel:4009986176",
    "/",
    "/guide/#materials",
    "#materials",
  ])("keeps %j", (url) => {
    expect(safeLink(url)).toBe(url);
    expect(isSafeLink(url)).toBe(true);
  });

  it("keeps a good link without the spaces around it", () => {
    expect(safeLink("  /guide/ ")).toBe("/guide/");
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "  javascript:alert(1)",
    "\u0001javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/phish",
    " //evil.example",
    "/\\evil.example/phish",
    "/\t/evil.example/phish",
    "guide/",
    "../guide/",
    "",
    "   ",
    undefined,
    null,
  ])("refuses %j: not http(s), mailto, tel or a path on this site", (url) => {
    expect(safeLink(url)).toBeUndefined();
    expect(isSafeLink(url)).toBe(false);
  });
});
