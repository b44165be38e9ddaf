import { describe, expect, it } from "vitest";
import { parseUtm, sourceOf } from "./attribution.ts";

describe("parseUtm", () => {
  it("reads the five utm_* parameters", () => {
    expect(
      parseUtm(
        "?utm_source=weixin&utm_medium=cpc&utm_campaign=spring%20sale&utm_term=%E5%A4%87%E6%A1%88&utm_content=banner",
      ),
    ).toEqual({
      source: "weixin",
      medium: "cpc",
      campaign: "spring sale",
      term: "备案",
      content: "banner",
    });
  });

  it("skips blank and unknown parameters and is undefined without any", () => {
    expect(parseUtm("?utm_source=%20&utm_medium=email&utm_id=7&ref=x")).toEqual({
      medium: "email",
    });
    expect(parseUtm("?ref=x")).toBeUndefined();
    expect(parseUtm("")).toBeUndefined();
  });

  it("trims values and caps them at the contract's 200 characters", () => {
    expect(parseUtm(`?utm_campaign=${"a".repeat(300)}`)?.campaign).toHaveLength(200);
    expect(parseUtm("?utm_source=%20news%20")?.source).toBe("news");
  });
});

describe("sourceOf", () => {
  it("takes the page URL, the referrer and the page's utm parameters", () => {
    expect(
      sourceOf(
        "https://cloud.example.com/beian?utm_source=newsletter#top",
        "https://search.example/",
      ),
    ).toEqual({
      pageUrl: "https://cloud.example.com/beian?utm_source=newsletter#top",
      referrer: "https://search.example/",
      utm: { source: "newsletter" },
    });
  });

  it("leaves out an empty referrer and absent utm", () => {
    expect(sourceOf("https://cloud.example.com/", "")).toEqual({
      pageUrl: "https://cloud.example.com/",
    });
  });
});
