/**
 * The seed on a real SQLite database: everything the client wrote ends up readable by the public,
 * and a second run changes nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CollectionSlug, Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { demoCases, demoPartners } from "./demo.ts";
import { DEMO_USERS, seed, type TSeedReport } from "./index.ts";
import { plainText } from "./richText.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The client's copy as delivered, kept beside the seed that transcribes it. */
const CLIENT_COPY = path.join(here, "client-copy.zh.txt");
/** Where the brief lives beside a checkout (the CI layout); a newer delivery must be noticed. */
const BRIEF_COPY = path.resolve(here, "../../../../shared/brief/client-copy.zh.txt");

/** Obvious typos in the client's copy that the seed corrects (see content.ts). */
const CORRECTIONS: [string, string][] = [
  ["选择备案备案类型", "选择备案类型"],
  ["注意接听来。", "注意接听来电。"],
  ["前置审批好", "前置审批号"],
  ["多于背景过多", "多余背景过多"],
];

const PUBLIC_COLLECTIONS: CollectionSlug[] = [
  "filing-types",
  "filing-stages",
  "guide-articles",
  "faqs",
  "cases",
  "partners",
];

let t: TTestPayload;
let payload: Payload;
let first: TSeedReport;

beforeAll(async () => {
  t = await createTestPayload();
  payload = t.payload;
  first = await seed(payload, t.env);
});

afterAll(async () => {
  await t?.close();
});

/** Every string a document holds, rich text included, with all white space removed. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value.replace(/\s+/g, ""));
  else if (value && typeof value === "object" && "root" in value) {
    out.push(plainText(value).replace(/\s+/g, ""));
  } else if (Array.isArray(value)) for (const item of value) texts(item, out);
  else if (value && typeof value === "object")
    for (const item of Object.values(value)) texts(item, out);
  return out;
}

describe("seed", () => {
  it.runIf(existsSync(BRIEF_COPY))("transcribes the brief's current copy", () => {
    expect(readFileSync(CLIENT_COPY, "utf8")).toBe(readFileSync(BRIEF_COPY, "utf8"));
  });

  it("puts every line of the client's copy where the public can read it", async () => {
    const anonymous = { overrideAccess: false, depth: 0, pagination: false } as const;
    const published: string[] = [];
    for (const collection of PUBLIC_COLLECTIONS) {
      const { docs } = await payload.find({ collection, ...anonymous });
      texts(docs, published);
    }
    for (const slug of ["site-settings", "landing"] as const) {
      texts(await payload.findGlobal({ slug, overrideAccess: false, depth: 0 }), published);
    }
    const haystack = published.join("\n");

    const lines = readFileSync(CLIENT_COPY, "utf8")
      .split("\n")
      .map((line) => line.replace(/\s+/g, ""))
      .filter((line) => line && !line.includes("{{"));
    expect(lines.length).toBeGreaterThan(100);
    const missing = lines
      .map((line) => CORRECTIONS.reduce((text, [from, to]) => text.replace(from, to), line))
      // "1.选择备案类型": the numbers are the stages' step numbers; "√ 专业团队…": list markup.
      // "适用:门店": the landing page's audience prefix followed by the type's audience.
      .map((line) =>
        line
          .replace(/^\d+\./, "")
          .replace(/^√/, "")
          .replace(/^适用:/, ""),
      )
      .filter((line) => !haystack.includes(line));
    expect(missing).toEqual([]);
  });

  it("creates the model's documents, users and clearly-marked demo data", async () => {
    const count = async (collection: CollectionSlug, where = {}) =>
      (await payload.count({ collection, where })).totalDocs;
    expect(await count("filing-types")).toBe(3);
    expect(await count("filing-stages")).toBe(9);
    expect(await count("faqs", { category: { equals: "platform-rejection" } })).toBe(5);
    expect(await count("faqs", { category: { equals: "verification-failure" } })).toBe(6);
    expect(await count("cases")).toBe(demoCases.length);
    expect(await count("cases", { demo: { equals: true } })).toBe(demoCases.length);
    expect(demoCases.length).toBeGreaterThanOrEqual(10);
    expect(await count("partners")).toBe(demoPartners.length + 1);
    expect(await count("partners", { key: { equals: "direct" } })).toBe(1);
    const emails = (await payload.find({ collection: "users", pagination: false })).docs.map(
      (u) => [u.email, u.role],
    );
    expect(emails).toEqual(
      expect.arrayContaining([
        [t.env.CMS_ADMIN_EMAIL, "admin"],
        ...DEMO_USERS.map((user) => [user.email, user.role]),
      ]),
    );
  });

  it("links every stage key to its documents: five overview steps, seven guide steps", async () => {
    const { docs } = await payload.find({
      collection: "filing-stages",
      pagination: false,
      sort: "order",
    });
    expect(
      docs.filter((stage) => stage.overview?.show).map((stage) => stage.overview?.title),
    ).toEqual(["填写信息", "初步审核", "短信核验", "管局审核", "备案成功"]);
    const steps = docs.flatMap((stage) => stage.guideSteps ?? []).map((step) => step.number);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const sms = docs.find((stage) => stage.key === "sms_verification");
    expect(sms?.deadline).toMatchObject({ amount: 24, unit: "hours" });
  });

  it("sets each filing type's WeChat entity code and typical time, and generates case QR codes", async () => {
    const { docs } = await payload.find({ collection: "filing-types", pagination: false });
    expect(Object.fromEntries(docs.map((doc) => [doc.slug, doc.wechatEntityCode]))).toEqual({
      personal: 15,
      "individual-business": 12,
      enterprise: 1,
    });
    // Each type says its own typical time (通常耗时 on its card), within the copy's 4–24 working days.
    const durations = docs.map((doc) => doc.typicalDuration ?? "");
    expect(new Set(durations).size).toBe(docs.length);
    for (const duration of durations) expect(duration).toMatch(/^约 4–24 个工作日,/);
    const cases = await payload.find({ collection: "cases", pagination: false, depth: 1 });
    for (const doc of cases.docs) {
      expect(doc.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(doc.logo).toMatchObject({ mimeType: "image/svg+xml" });
    }
  });

  it("is idempotent: a second run creates nothing and keeps editors' changes", async () => {
    expect(Object.keys(first.created).length).toBeGreaterThan(0);
    const faq = (await payload.find({ collection: "faqs", limit: 1 })).docs[0];
    if (!faq) throw new Error("no FAQ seeded");
    await payload.update({ collection: "faqs", id: faq.id, data: { question: "编辑改过的问题?" } });
    const before = await payload.count({ collection: "media" });

    const second = await seed(payload, t.env);

    expect(second.created).toEqual({});
    expect((await payload.count({ collection: "media" })).totalDocs).toBe(before.totalDocs);
    const after = await payload.findByID({ collection: "faqs", id: faq.id });
    expect(after.question).toBe("编辑改过的问题?");
  });
});
