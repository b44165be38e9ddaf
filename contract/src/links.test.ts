import { describe, expect, it } from "vitest";
import { isSafeLink, safeLink, UNSAFE_LINK_MESSAGE, validateLink } from "./links.ts";

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

describe("a link field's check", () => {
  it("passes an empty optional field and refuses an empty required one", () => {
    expect(validateLink(null)).toBe(true);
    expect(validateLink("")).toBe(true);
    expect(validateLink("", { required: true })).toBe(UNSAFE_LINK_MESSAGE);
    expect(validateLink(undefined, { required: true })).toBe(UNSAFE_LINK_MESSAGE);
  });

  it("passes a safe link and refuses an unsafe one or a non-string", () => {
    expect(validateLink("/guide/", { required: true })).toBe(true);
    expect(validateLink("javascript:alert(1)")).toBe(UNSAFE_LINK_MESSAGE);
    expect(validateLink(42)).toBe(UNSAFE_LINK_MESSAGE);
  });
});
