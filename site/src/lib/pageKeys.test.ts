/**
 * A gallery page is copied from the last build when its key is unchanged (pageKeys.ts), so its key
 * must change with everything the page shows — a case on it, its logo's drawing, the 案例 page's
 * text, the site settings of the frame, the landing's case labels — and only then: a FAQ edit, or
 * a case on another page, leaves it as it was.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type TEntry = { id: string; data: Record<string, unknown> };

const content = vi.hoisted(() => ({ collections: new Map<string, TEntry[]>() }));

vi.mock("astro:content", () => ({
  getCollection: async (name: string) => content.collections.get(name) ?? [],
  getEntry: async (name: string, id: string) =>
    content.collections.get(name)?.find((entry) => entry.id === id),
}));

const LOGO = { url: "/api/media/file/logo.svg", alt: "标志", mimeType: "image/svg+xml" };
let logoSvg = "<svg><circle r='1'/></svg>";

function caseData(n: number) {
  return {
    name: `案例 ${n}`,
    introduction: "社区水果店的点单小程序",
    industry: "retail",
    filingType: { slug: "personal", name: "个人备案" },
    logo: LOGO,
    qrCodeSvg: `<svg><path d="M${n} 0h1"/></svg>`,
  };
}

function publishContent(): void {
  content.collections.clear();
  content.collections.set("siteSettings", [
    { id: "main", data: { brand: { name: "小程序备案中心" }, labels: { nextPage: "下一页" } } },
  ]);
  content.collections.set("landing", [
    { id: "main", data: { cases: { scanLabel: "扫码体验", openLabel: "打开" } } },
  ]);
  content.collections.set("pages", [
    { id: "cases", data: { slug: "cases", title: "客户案例", description: "我们办过的备案" } },
  ]);
  content.collections.set("faqs", [{ id: "how-long", data: { question: "备案要多久?" } }]);
}

let cases: Record<string, unknown>[] = [];

/** The key of page 1 of all cases (cases 1 and 2) after `edit`, in a build of its own. */
async function firstPageKey(edit: () => void = () => undefined): Promise<string> {
  publishContent();
  cases = [caseData(1), caseData(2), caseData(3)];
  edit();
  const onPage = cases.slice(0, 2);
  // A new build: nothing remembered from the last one.
  vi.resetModules();
  const { casePageKey } = await import("./pageKeys.ts");
  return casePageKey({
    filter: { industry: null, type: null },
    page: 1,
    pages: 2,
    cases: onPage,
    choices: { industries: [{ value: "retail", label: "零售" }], types: [] },
  });
}

/** Case n of the build `firstPageKey` is keying. */
const buildCase = (n: number): Record<string, unknown> => cases[n - 1] ?? {};

const entryData = (collection: string, id: string) =>
  content.collections.get(collection)?.find((entry) => entry.id === id)?.data ?? {};

beforeEach(() => {
  vi.stubEnv("CMS_URL", "http://127.0.0.1:1");
  vi.stubEnv("SITE_PREVIEW_DRAFT", "");
  logoSvg = "<svg><circle r='1'/></svg>";
  vi.stubGlobal("fetch", async () => new Response(logoSvg));
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("a gallery page's key", () => {
  it("is the same for the same content", async () => {
    expect(await firstPageKey()).toBe(await firstPageKey());
  });

  it.each<[string, () => void]>([
    ["a case on the page renamed", () => Object.assign(buildCase(2), { name: "改名" })],
    ["a case's QR code", () => Object.assign(buildCase(1), { qrCodeSvg: "<svg/>" })],
    ["a case's logo drawn anew", () => (logoSvg = "<svg><rect/></svg>")],
    ["the 案例 page's title", () => Object.assign(entryData("pages", "cases"), { title: "案例" })],
    [
      "a label of the frame",
      () => Object.assign(entryData("siteSettings", "main"), { labels: {} }),
    ],
    [
      "the landing's 扫码体验",
      () => Object.assign(entryData("landing", "main"), { cases: { scanLabel: "扫一扫" } }),
    ],
  ])("changes with %s", async (_, edit) => {
    const before = await firstPageKey();
    expect(await firstPageKey(edit)).not.toBe(before);
  });

  it.each<[string, () => void]>([
    ["a FAQ edited", () => Object.assign(entryData("faqs", "how-long"), { question: "多久?" })],
    ["a case on the next page renamed", () => Object.assign(buildCase(3), { name: "改名" })],
  ])("stays with %s", async (_, edit) => {
    const before = await firstPageKey();
    expect(await firstPageKey(edit)).toBe(before);
  });
});
