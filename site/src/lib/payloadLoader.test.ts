/**
 * The site build refuses bad input from the CMS with a message that names the collection (and the
 * field, where one is at fault): an unreachable CMS, an error answer, something other than JSON, a
 * list without docs, too few documents, an unpublished global, and a document that does not fit
 * its collection's schema. The loaders run against a stand-in CMS on a loopback port; their
 * `parseData` reports a schema mismatch with Astro's own message (as `astro build` does).
 */
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SITE_LABELS } from "@beian/contract";
import { AstroErrorData } from "astro/errors";
import type { z } from "astro/zod";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CONTENT_SOURCES } from "./contentSources.ts";
import type { TLoadContext, TPayloadLoader } from "./payloadLoader.ts";
import { qrCodeSvg } from "./qrCodes.ts";

type TAnswer = { status: number; body: string };

const NOT_FOUND: TAnswer = { status: 404, body: '{"errors":[{"message":"Not Found"}]}' };

/** The stand-in CMS's answer to a request path (with its query). */
let answer: (path: string) => TAnswer;
let cms: Server;
let cmsUrl: string;

beforeAll(async () => {
  cms = createServer((req, res) => {
    const { status, body } = answer(req.url ?? "");
    res.writeHead(status, { "Content-Type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve));
  cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`;
});

afterAll(() => {
  cms?.close();
});

beforeEach(() => {
  vi.stubEnv("CMS_URL", cmsUrl);
  vi.stubEnv("SITE_TYPECHECK_ONLY", "");
  answer = () => NOT_FOUND;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The stand-in CMS publishes `bodies` by path (before the query) as JSON; anything else is 404. */
function publish(bodies: Record<string, unknown>): void {
  answer = (path) => {
    const body = bodies[path.split("?")[0] ?? ""];
    return body === undefined ? NOT_FOUND : { status: 200, body: JSON.stringify(body) };
  };
}

/** Astro's loader context, as much as the loaders use, parsing with `collection`'s own schema. */
function contextFor(collection: TCollection) {
  const collectionSchema: z.ZodType = CONTENT_SOURCES[collection].schema;
  const stored = new Map<string, unknown>();
  const context: TLoadContext = {
    store: {
      clear: () => stored.clear(),
      set: (entry) => {
        stored.set(entry.id, entry.data);
        return true;
      },
    },
    parseData: async ({ id, data }) => {
      const parsed = await collectionSchema.safeParseAsync(data);
      if (!parsed.success) {
        throw new Error(
          AstroErrorData.InvalidContentEntryDataError.message(collection, id, parsed.error),
        );
      }
      return data;
    },
    generateDigest: (data) => JSON.stringify(data),
    logger: { info: () => undefined },
  };
  return { context, stored };
}

/** The load's failure message (the test fails if it succeeds). */
async function failureOf(loader: TPayloadLoader, context: TLoadContext): Promise<string> {
  const error = await loader.load(context).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error(`the load should have failed, not given ${error}`);
  return error.message;
}

const emptyRichText = { root: { type: "root", children: [] } };

/** One published document of each collection that fits its schema. */
const VALID = {
  filingTypes: {
    id: 1,
    slug: "enterprise",
    name: "企业备案",
    audience: "公司、企业",
    sellingPoints: [{ text: "全程代办" }],
    materials: [{ item: "营业执照" }],
    order: 1,
  },
  provinceRules: {
    id: 2,
    province: "beijing",
    reviewMaxWorkingDays: 20,
    notes: [{ filingTypes: ["enterprise"], text: "需要法人手持身份证照片" }],
  },
  filingStages: { id: 3, key: "submitted", title: "提交资料", summary: "收到您的资料" },
  guideArticles: { id: 4, phase: "before", title: "准备材料", anchor: "prepare" },
  faqs: {
    id: 5,
    category: "general",
    question: "备案要多久?",
    answer: emptyRichText,
    anchor: "how-long",
  },
  cases: {
    id: 6,
    name: "鲜果铺",
    introduction: "社区水果店的点单小程序",
    industry: "retail",
    filingType: { slug: "individual-business", name: "个体工商户备案" },
    miniProgramLink: "https://example.com/mp/xianguo",
    logo: { url: "/api/media/file/logo.png", alt: "鲜果铺标志", mimeType: "image/png" },
  },
  partners: { id: 7, key: "yunfan", name: "云帆云", website: "https://yunfan.example.com" },
  pages: { id: 8, slug: "guide", title: "备案指南", description: "小程序备案的每一步" },
  landing: {
    updatedAt: "2026-01-01T00:00:00.000Z",
    hero: { title: "小程序备案", subtitle: "省心", ctaLabel: "免费咨询", image: null },
    promises: { items: [{ title: "快", text: "最快当天提交" }] },
    process: { heading: "备案流程", ctaLabel: "开始" },
    filingTypes: {
      heading: "备案类型",
      audiencePrefix: "适合",
      ctaLabel: "咨询",
      priceFrom: "¥{price} 起",
    },
    guide: {
      heading: "指南",
      phaseLabels: { before: "备案前", during: "备案中", after: "备案后" },
    },
    advantages: { heading: "优势", items: [{ title: "专业", text: "十年经验" }] },
    cases: { customerCountClaim: "已服务上千家客户", scanLabel: "扫码体验", openLabel: "打开" },
    partners: { heading: "合作伙伴" },
  },
  siteSettings: {
    updatedAt: "2026-01-01T00:00:00.000Z",
    brand: { name: "小程序备案中心", logo: null },
    hotline: "400-998-6176",
    icpNumber: "京ICP备00000000号",
    seo: { title: "小程序备案中心", description: "小程序备案代办", image: null },
    navigation: [{ label: "备案指南", href: "/guide/" }],
    labels: Object.fromEntries(SITE_LABELS.map(([name, zh]) => [name, zh])),
    consult: {
      openLabel: "在线咨询",
      callLabel: "拨打热线",
      ctaHeading: "还有疑问?",
      ctaText: "留下联系方式",
      pageTitle: "免费咨询",
      pageDescription: "留下联系方式,专员联系您",
    },
    faqCategories: [{ category: "general", title: "常见问题" }],
  },
};

type TCollection = keyof typeof VALID;

/** The entry each valid document above is stored as (a global's single entry is `main`). */
const ENTRY: Record<TCollection, string> = {
  filingTypes: "enterprise",
  provinceRules: "beijing",
  filingStages: "submitted",
  guideArticles: "prepare",
  faqs: "how-long",
  cases: "6",
  partners: "yunfan",
  pages: "guide",
  landing: "main",
  siteSettings: "main",
};

/** Published beside the document under test, so the collection has as many as the site needs. */
const ALSO_PUBLISHED: Partial<Record<TCollection, object[]>> = {
  pages: ["faq", "cases", "privacy", "thanks", "track", "not-found"].map((slug, index) => ({
    ...VALID.pages,
    id: 20 + index,
    slug,
  })),
};

/** Publishes `doc` where the loader of `collection` reads it. */
function publishOne(collection: TCollection, doc: unknown): void {
  const [, global, cmsSlug] = /^payload:(global:)?(.+)$/.exec(loaderOf(collection).name) ?? [];
  publish(
    global
      ? { [`/api/globals/${cmsSlug}`]: doc }
      : { [`/api/${cmsSlug}`]: { docs: [doc, ...(ALSO_PUBLISHED[collection] ?? [])] } },
  );
}

const loaderOf = (collection: TCollection) => CONTENT_SOURCES[collection].loader;

/** A copy of `doc` with the field at `path` (`a.b.0.c`) set to `value`, or removed if undefined. */
function withField(doc: object, path: string, value: unknown): unknown {
  const copy: Record<string, unknown> = structuredClone({ ...doc });
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  let target: Record<string, unknown> = copy;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

describe("what the CMS publishes, loaded", () => {
  it.each(Object.keys(VALID) as TCollection[])(
    "stores a %s document that fits the schema, in place of the previous build's",
    async (collection) => {
      publishOne(collection, VALID[collection]);
      const { context, stored } = contextFor(collection);
      stored.set("unpublished-since", {});
      await loaderOf(collection).load(context);
      expect(stored.has(ENTRY[collection])).toBe(true);
      expect(stored.size).toBe(1 + (ALSO_PUBLISHED[collection]?.length ?? 0));
    },
  );

  it("asks the CMS only for the fields the schema checks, and of linked documents what the site shows", async () => {
    publishOne("cases", VALID.cases);
    const asked: string[] = [];
    const published = answer;
    answer = (path) => {
      asked.push(path);
      return published(path);
    };
    await loaderOf("cases").load(contextFor("cases").context);
    const query = new URLSearchParams((asked[0] ?? "").split("?")[1]);
    const selected = [...query.keys()].flatMap((key) => /^select\[(\w+)\]$/.exec(key)?.[1] ?? []);
    expect(selected.sort()).toEqual(Object.keys(CONTENT_SOURCES.cases.schema.shape).sort());
    expect(selected).not.toContain("updatedAt");
    // Payload derives a media document's url from its filename: both, or the url is null.
    for (const field of ["url", "filename", "alt", "mimeType"]) {
      expect(query.get(`populate[media][${field}]`)).toBe("true");
    }
    expect(query.get("populate[filing-types][name]")).toBe("true");
    expect(query.get("populate[filing-types][materials]")).toBeNull();
  });

  it("stores a case's QR code as a file of the build's cache, which the pages read back", async () => {
    vi.stubEnv("SITE_CACHE_DIR", mkdtempSync(path.join(tmpdir(), "beian-loader-cache-")));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 1h7"/></svg>';
    publishOne("cases", { ...VALID.cases, qrCodeSvg: svg });
    const { context, stored } = contextFor("cases");
    await loaderOf("cases").load(context);
    const kept = (stored.get(ENTRY.cases) as { qrCodeSvg: string }).qrCodeSvg;
    expect(kept).not.toContain("<svg");
    expect(qrCodeSvg(kept)).toBe(svg);
  });

  /** [collection, field, bad value, entry named when the bad field is the one that names it] */
  it.each<[TCollection, string, unknown, string?]>([
    ["filingTypes", "slug", "company", "company"],
    ["filingTypes", "name", ""],
    ["filingTypes", "sellingPoints", []],
    ["filingTypes", "materials.0.item", 1],
    ["provinceRules", "province", "atlantis", "atlantis"],
    ["provinceRules", "reviewMaxWorkingDays", 0],
    ["provinceRules", "notes.0.filingTypes", ["company"]],
    ["filingStages", "key", "paid", "paid"],
    ["filingStages", "summary", undefined],
    ["guideArticles", "phase", "later"],
    ["guideArticles", "anchor", "", "4"],
    ["guideArticles", "include", "video"],
    ["faqs", "category", "billing"],
    ["faqs", "answer", undefined],
    ["faqs", "answer.root.type", "paragraph"],
    ["cases", "industry", "mining"],
    ["cases", "filingType", 3],
    ["cases", "logo.alt", ""],
    ["cases", "miniProgramLink", "javascript:alert(1)"],
    ["partners", "key", undefined, "7"],
    ["partners", "website", "javascript:alert(1)"],
    ["partners", "website", "/\\evil.example"],
    ["pages", "slug", "about", "about"],
    ["pages", "description", ""],
    ["landing", "promises.items", []],
    ["landing", "guide.phaseLabels.during", undefined],
    ["siteSettings", "hotline", ""],
    ["siteSettings", "navigation", []],
    ["siteSettings", "navigation.0.href", "javascript:alert(1)"],
    ["siteSettings", "navigation.0.href", " JAVASCRIPT:alert(1)"],
    ["siteSettings", "navigation.0.href", "//evil.example/guide/"],
    ["siteSettings", "labels.trackSubmit", ""],
    ["siteSettings", "consult.openLabel", ""],
    ["landing", "filingTypes.priceFrom", "¥ 起"],
    ["siteSettings", "faqCategories.0.category", "billing"],
  ])("refuses %s whose %s is %j, naming both", async (collection, field, value, entry) => {
    publishOne(collection, withField(VALID[collection], field, value));
    const { context, stored } = contextFor(collection);
    const message = await failureOf(loaderOf(collection), context);
    expect(message).toContain(
      `**${collection} → ${entry ?? ENTRY[collection]}** data does not match collection schema`,
    );
    expect(message).toMatch(new RegExp(`\\*\\*${field.replace(/\./g, "\\.")}(\\.\\S*)?\\*\\*: `));
    expect(stored.size).toBe(0);
  });
});

describe("a CMS the site cannot build from", () => {
  const faqs = () => contextFor("faqs").context;

  it("unreachable: names the CMS and the collection's request", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    vi.stubEnv("CMS_URL", closedUrl);
    const message = await failureOf(loaderOf("faqs"), faqs());
    expect(message).toContain(`Cannot reach the CMS at ${closedUrl} (GET ${closedUrl}/api/faqs?`);
  });

  it("an error answer: names the status and the collection's request", async () => {
    answer = () => ({ status: 500, body: '{"errors":[{"message":"Something went wrong."}]}' });
    const message = await failureOf(loaderOf("faqs"), faqs());
    expect(message).toContain(`The CMS answered 500 for GET ${cmsUrl}/api/faqs?`);
  });

  it("an error answer for a global: names the global's request", async () => {
    const message = await failureOf(loaderOf("landing"), contextFor("landing").context);
    expect(message).toContain(`The CMS answered 404 for GET ${cmsUrl}/api/globals/landing?`);
  });

  it("an answer that is not JSON: names the collection's request", async () => {
    answer = () => ({ status: 200, body: "<!doctype html><title>Login</title>" });
    const message = await failureOf(loaderOf("faqs"), faqs());
    expect(message).toContain(`something other than JSON for GET ${cmsUrl}/api/faqs?`);
  });

  it("a list answer without docs: names the collection and the missing field", async () => {
    publish({ "/api/faqs": { items: [VALID.faqs] } });
    const message = await failureOf(loaderOf("faqs"), faqs());
    expect(message).toBe("The CMS's answer for faqs has no docs array");
  });

  it("fewer documents than the site needs: names the collection and both counts", async () => {
    publish({ "/api/pages": { docs: [VALID.pages] } });
    const message = await failureOf(loaderOf("pages"), contextFor("pages").context);
    expect(message).toContain("The CMS publishes 1 pages, the site needs at least 7");
  });

  it("a global never published: names the global", async () => {
    publish({ "/api/globals/landing": withField(VALID.landing, "updatedAt", undefined) });
    const message = await failureOf(loaderOf("landing"), contextFor("landing").context);
    expect(message).toContain("The CMS has never published the landing global");
  });
});
