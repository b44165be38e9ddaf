/**
 * The pages' access to the content layer refuses to build a page whose content is missing, and
 * says which collection and entry it looked for.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

/** The content layer as the loaders left it: `entries` by collection, then by id. */
const layer = vi.hoisted(() => ({ entries: new Map<string, Map<string, { data: unknown }>>() }));

vi.mock("astro:content", () => ({
  getEntry: async (collection: string, id: string) => layer.entries.get(collection)?.get(id),
  getCollection: async (collection: string) => [...(layer.entries.get(collection)?.values() ?? [])],
}));

const { landing, page, siteSettings } = await import("./content.ts");

beforeEach(() => {
  layer.entries.clear();
});

describe("content for the pages", () => {
  it("reads an entry the loaders stored", async () => {
    layer.entries.set("pages", new Map([["guide", { data: { slug: "guide", title: "指南" } }]]));
    expect(await page("guide")).toEqual({ slug: "guide", title: "指南" });
  });

  it("refuses a missing page, naming the pages collection and the slug", async () => {
    layer.entries.set("pages", new Map([["guide", { data: { slug: "guide" } }]]));
    const missing = page("faq");
    await expect(missing).rejects.toThrow('slug "faq"');
    await expect(missing).rejects.toThrow("collection pages");
  });

  it("refuses missing site settings, naming the global", async () => {
    await expect(siteSettings()).rejects.toThrow("site-settings");
  });

  it("refuses a missing landing page content, naming the global", async () => {
    await expect(landing()).rejects.toThrow("landing");
  });
});
