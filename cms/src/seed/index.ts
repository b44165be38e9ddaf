/**
 * Loads the client's copy and the demo data into an empty database, and creates the first users.
 *
 * Idempotent by natural keys (slug, stage key, anchor, partner key, case name, email): a document
 * that exists is left exactly as it is, so a second run creates nothing and never overwrites what
 * marketing has edited since.
 */
import type {
  CollectionSlug,
  GlobalSlug,
  Payload,
  RequiredDataFromCollectionSlug,
  Where,
} from "payload";
import { DEV_LOGINS } from "../devLogins.ts";
import { adminCredentials, type TEnv } from "../env.ts";
import * as content from "./content.ts";
import { demoCases, demoPartners } from "./demo.ts";
import { logoSvg } from "./logo.ts";
import { labels, navigation, pages } from "./pages.ts";
import { provinceRules } from "./provinceRules.ts";

export const DEMO_USERS = [
  { ...DEV_LOGINS.editor, role: "editor", name: "市场编辑(示例)" },
  { ...DEV_LOGINS.sales, role: "sales", name: "销售(示例)" },
] as const;

/** The seed's writes do not each trigger a site rebuild: whoever seeds builds the site after. */
const QUIET = { sitePublish: "skip" } as const;

export type TSeedReport = { created: Record<string, number>; existing: Record<string, number> };

type TFile = { data: Buffer; mimetype: string; name: string; size: number };

const published = { _status: "published" } as const;

/** Creates what is missing and counts, per collection or global, what it created and found. */
function createSeeder(payload: Payload) {
  const report: TSeedReport = { created: {}, existing: {} };
  const count = (bucket: "created" | "existing", slug: string) => {
    report[bucket][slug] = (report[bucket][slug] ?? 0) + 1;
  };

  /** Creates `data` unless a document matching `where` exists; returns the document's id. */
  async function ensure<TSlug extends CollectionSlug>(
    collection: TSlug,
    where: Where,
    data: RequiredDataFromCollectionSlug<TSlug>,
    file?: TFile,
  ) {
    const found = await payload.find({
      collection,
      where,
      limit: 1,
      depth: 0,
      draft: true,
      pagination: false,
    });
    const existing = found.docs[0];
    if (existing) {
      count("existing", collection);
      return existing.id;
    }
    const created = await payload.create({
      collection,
      data,
      depth: 0,
      context: QUIET,
      ...(file ? { file } : {}),
    });
    count("created", collection);
    return created.id;
  }

  /**
   * Runs `publish` unless the global was saved before: from then on it is marketing's. (Each
   * global's data has its own type, so the caller writes it.)
   */
  async function ensureGlobal(slug: GlobalSlug, publish: () => Promise<unknown>) {
    const current = await payload.findGlobal({ slug, depth: 0, draft: true });
    if (current.createdAt) {
      count("existing", slug);
      return;
    }
    await publish();
    count("created", slug);
  }

  return { payload, report, ensure, ensureGlobal };
}

type TSeeder = ReturnType<typeof createSeeder>;

/** A demo record's logo, drawn from its initials, as a media document. */
async function ensureLogo(
  { ensure }: TSeeder,
  label: string,
  { initials, background }: { initials: string; background: string },
) {
  const svg = Buffer.from(logoSvg(initials, background));
  return ensure(
    "media",
    { alt: { equals: `${label} Logo` } },
    { alt: `${label} Logo` },
    {
      data: svg,
      mimetype: "image/svg+xml",
      name: `logo-${initials.codePointAt(0)?.toString(16)}-${background.slice(1)}.svg`,
      size: svg.byteLength,
    },
  );
}

async function seedUsers({ ensure }: TSeeder, env: TEnv) {
  const admin = adminCredentials(env);
  await ensure(
    "users",
    { email: { equals: admin.email } },
    { ...admin, role: "admin", name: "管理员" },
  );
  // Development runs on loopback only (env.ts refuses another HOST), so these published logins
  // never open a host others can reach.
  if (env.NODE_ENV !== "production") {
    for (const user of DEMO_USERS) await ensure("users", { email: { equals: user.email } }, user);
  }
}

/** The client's copy, published; returns the filing types' ids by slug, for the cases. */
async function seedContent({ payload, ensure, ensureGlobal }: TSeeder) {
  await ensureGlobal("site-settings", () =>
    payload.updateGlobal({
      slug: "site-settings",
      data: { ...content.siteSettings, navigation, labels, ...published },
      context: QUIET,
    }),
  );
  await ensureGlobal("landing", () =>
    payload.updateGlobal({
      slug: "landing",
      data: { ...content.landing, ...published },
      context: QUIET,
    }),
  );

  const filingTypeIds = new Map<string, number>();
  for (const type of content.filingTypes) {
    const id = await ensure(
      "filing-types",
      { slug: { equals: type.slug } },
      { ...type, ...published },
    );
    filingTypeIds.set(type.slug, id);
  }
  for (const stage of content.filingStages) {
    await ensure("filing-stages", { key: { equals: stage.key } }, { ...stage, ...published });
  }
  for (const article of content.guideArticles) {
    await ensure(
      "guide-articles",
      { anchor: { equals: article.anchor } },
      { ...article, ...published },
    );
  }
  for (const faq of content.faqs) {
    await ensure("faqs", { anchor: { equals: faq.anchor } }, { ...faq, ...published });
  }
  for (const rule of provinceRules) {
    await ensure(
      "province-rules",
      { province: { equals: rule.province } },
      { ...rule, ...published },
    );
  }
  for (const page of pages) {
    await ensure("pages", { slug: { equals: page.slug } }, { ...page, ...published });
  }
  return filingTypeIds;
}

/** The agency's own channel (`direct`) and the invented demo partners with their logos. */
async function seedPartners(seeder: TSeeder) {
  const { ensure } = seeder;
  await ensure(
    "partners",
    { key: { equals: "direct" } },
    {
      key: "direct",
      name: content.siteSettings.brand.name,
      active: true,
      showInStrip: false,
      themeColor: "#1f6feb",
      allowedOrigins: [],
      order: 0,
    },
  );
  for (const partner of demoPartners) {
    const logo = await ensureLogo(seeder, partner.name, partner.logo);
    await ensure(
      "partners",
      { key: { equals: partner.key } },
      {
        ...partner,
        logo,
        allowedOrigins: partner.allowedOrigins.map((origin) => ({ origin })),
        demo: true,
      },
    );
  }
}

async function seedDemoCases(seeder: TSeeder, filingTypeIds: Map<string, number>) {
  for (const demoCase of demoCases) {
    const filingType = filingTypeIds.get(demoCase.filingType);
    if (filingType === undefined) throw new Error(`unknown filing type ${demoCase.filingType}`);
    const logo = await ensureLogo(seeder, demoCase.name, demoCase.logo);
    await seeder.ensure(
      "cases",
      { name: { equals: demoCase.name } },
      { ...demoCase, filingType, logo, demo: true, ...published },
    );
  }
}

export async function seed(payload: Payload, env: TEnv): Promise<TSeedReport> {
  const seeder = createSeeder(payload);
  // Users first: the admin must exist even if content seeding fails half-way.
  await seedUsers(seeder, env);
  const filingTypeIds = await seedContent(seeder);
  await seedPartners(seeder);
  await seedDemoCases(seeder, filingTypeIds);
  return seeder.report;
}

export function formatSeedReport(report: TSeedReport): string {
  const created = Object.entries(report.created).map(([slug, n]) => `${slug} ${n}`);
  return created.length === 0
    ? "seed: nothing to do (all content already present)"
    : `seed: created ${created.join(", ")}`;
}
