/**
 * A preview build puts the one draft it was handed in place of the published document (or beside
 * them, if it was never published), and a live build never sees a draft.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const published = [
  { id: 1, anchor: "a", question: "已发布的问题" },
  { id: 2, anchor: "b", question: "另一个问题" },
];

async function withDraftFile(draft: unknown) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "beian-draft-")), "draft.json");
  writeFileSync(file, JSON.stringify(draft));
  vi.stubEnv("SITE_PREVIEW_DRAFT", file);
  vi.resetModules();
  return import("./previewDraft.ts");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("preview drafts", () => {
  it("a live build keeps what the CMS publishes", async () => {
    vi.stubEnv("SITE_PREVIEW_DRAFT", "");
    vi.resetModules();
    const { withDraft, globalWithDraft, isPreviewBuild } = await import("./previewDraft.ts");
    expect(withDraft("faqs", published)).toEqual(published);
    expect(globalWithDraft("landing", { hero: { title: "线上" } })).toEqual({
      hero: { title: "线上" },
    });
    expect(isPreviewBuild()).toBe(false);
  });

  it("the previewed document's draft replaces its published version, and only in its collection", async () => {
    const draft = { id: 1, anchor: "a", question: "草稿里的问题" };
    const { withDraft, isPreviewBuild } = await withDraftFile({ source: "faqs", doc: draft });
    expect(withDraft("faqs", published)).toEqual([published[1], draft]);
    expect(withDraft("cases", published)).toEqual(published);
    expect(isPreviewBuild()).toBe(true);
  });

  it("a draft never published is added; a global's draft replaces the global", async () => {
    const fresh = await withDraftFile({ source: "faqs", doc: { id: 3, anchor: "c" } });
    expect(fresh.withDraft("faqs", published)).toHaveLength(3);
    const landing = await withDraftFile({
      source: "globals/landing",
      doc: { hero: { title: "草稿" } },
    });
    expect(landing.globalWithDraft("landing", { hero: { title: "线上" } })).toEqual({
      hero: { title: "草稿" },
    });
    expect(landing.globalWithDraft("site-settings", { brand: 1 })).toEqual({ brand: 1 });
  });
});
