/**
 * CONTRACT §5 on a real database: every role (and anonymous) × every collection and global ×
 * the operations that matter, through the Local API with access enforced (overrideAccess: false).
 */
import type { TRole } from "@beian/contract";
import type { CollectionSlug, Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { richText } from "../seed/richText.ts";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";

type TActor = TRole | "anonymous";
const ACTORS: TActor[] = ["anonymous", "admin", "editor", "sales"];

let t: TTestPayload;
let payload: Payload;
const users = {} as Record<
  TRole,
  { id: number | string; email: string; role: TRole; collection: "users" }
>;
let filingTypeId: number | string;

const asUser = (actor: TActor) =>
  actor === "anonymous" ? { overrideAccess: false } : { overrideAccess: false, user: users[actor] };

/** A valid new document per content collection, for create checks. */
function sample(collection: CollectionSlug, n: number, status: "draft" | "published") {
  const base = { _status: status, order: n };
  switch (collection) {
    case "filing-types":
      throw new Error("filing types are unique per slug: use the fixtures");
    case "filing-stages":
      throw new Error("stages are unique per key: use the fixtures");
    case "guide-articles":
      return { ...base, phase: "before", title: `文章 ${n}`, anchor: `article-${n}` };
    case "faqs":
      return {
        ...base,
        category: "general",
        question: `问题 ${n}?`,
        answer: richText("回答。"),
        anchor: `faq-${n}`,
      };
    case "cases":
      return {
        ...base,
        name: `案例 ${n}`,
        introduction: "简介",
        industry: "tools",
        filingType: filingTypeId,
      };
    default:
      throw new Error(`no sample for ${collection}`);
  }
}

beforeAll(async () => {
  t = await createTestPayload();
  payload = t.payload;
  for (const role of ["admin", "editor", "sales"] as const) {
    const email = `${role}@test.local`;
    const doc = await payload.create({
      collection: "users",
      data: { email, password: `${role}-password-123`, role, name: role },
    });
    users[role] = { id: doc.id, email, role, collection: "users" };
  }
  const type = await payload.create({
    collection: "filing-types",
    data: {
      slug: "personal",
      name: "个人备案",
      audience: "个人",
      sellingPoints: [{ text: "快" }],
      materials: [{ item: "身份证" }],
      _status: "published",
    },
  });
  filingTypeId = type.id;
  await payload.create({
    collection: "filing-types",
    data: {
      slug: "enterprise",
      name: "企业备案(草稿)",
      audience: "企业",
      sellingPoints: [{ text: "稳" }],
      materials: [{ item: "营业执照" }],
      _status: "draft",
    },
  });
  await payload.create({
    collection: "faqs",
    data: sample("faqs", 1, "published") as never,
  });
  await payload.create({
    collection: "faqs",
    data: sample("faqs", 2, "draft") as never,
  });
  await payload.create({
    collection: "partners",
    data: {
      key: "active-cloud",
      name: "活跃云",
      active: true,
      allowedOrigins: [{ origin: "https://a.example.com" }],
    },
  });
  await payload.create({
    collection: "partners",
    data: { key: "dormant-cloud", name: "停用云", active: false },
  });
});

afterAll(async () => {
  await t?.close();
});

async function attempt(operation: () => Promise<unknown>): Promise<"allowed" | "denied"> {
  try {
    await operation();
    return "allowed";
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 401) return "denied";
    throw error;
  }
}

describe("content collections: public reads published, staff read drafts, editors write", () => {
  const writers: Record<TActor, "allowed" | "denied"> = {
    anonymous: "denied",
    admin: "allowed",
    editor: "allowed",
    sales: "denied",
  };

  for (const actor of ACTORS) {
    it(`${actor} reads ${actor === "anonymous" ? "only published" : "drafts too"}`, async () => {
      const fixtures = { anchor: { in: ["faq-1", "faq-2"] } };
      const faqs = await payload.find({
        collection: "faqs",
        where: fixtures,
        ...asUser(actor),
        draft: true,
      });
      const types = await payload.find({ collection: "filing-types", ...asUser(actor) });
      const expected = actor === "anonymous" ? 1 : 2;
      expect(faqs.totalDocs).toBe(expected);
      expect(types.totalDocs).toBe(expected);
      if (actor === "anonymous") {
        expect(faqs.docs.every((doc) => doc._status === "published")).toBe(true);
      }
    });

    for (const collection of ["guide-articles", "faqs", "cases"] as const) {
      it(`${actor} create/update/delete on ${collection}: ${writers[actor]}`, async () => {
        const n = Math.floor(Math.random() * 1e9);
        const seedDoc = await payload.create({
          collection,
          data: sample(collection, n, "published") as never,
        });
        const create = await attempt(() =>
          payload.create({
            collection,
            data: sample(collection, n + 1, "draft") as never,
            ...asUser(actor),
          }),
        );
        const update = await attempt(() =>
          payload.update({ collection, id: seedDoc.id, data: { order: 7 }, ...asUser(actor) }),
        );
        const remove = await attempt(() =>
          payload.delete({ collection, id: seedDoc.id, ...asUser(actor) }),
        );
        expect({ create, update, remove }).toEqual({
          create: writers[actor],
          update: writers[actor],
          remove: writers[actor],
        });
      });
    }

    it(`${actor} ${writers[actor] === "allowed" ? "may" : "may not"} publish filing stages`, async () => {
      const result = await attempt(() =>
        payload.create({
          collection: "filing-stages",
          data: {
            key: actor === "admin" ? "submitted" : actor === "editor" ? "filed" : "rejected",
            title: "阶段",
            summary: "说明",
            _status: "published",
          },
          ...asUser(actor),
        }),
      );
      expect(result).toBe(writers[actor]);
    });

    for (const slug of ["site-settings", "landing"] as const) {
      it(`${actor} reads ${slug}; update: ${writers[actor]}`, async () => {
        await expect(payload.findGlobal({ slug, ...asUser(actor) })).resolves.toBeDefined();
        const data =
          slug === "site-settings"
            ? {
                brand: { name: "品牌" },
                hotline: "400",
                icpNumber: "ICP",
                seo: { title: "t", description: "d" },
              }
            : { partners: { heading: "伙伴" } };
        const result = await attempt(() =>
          payload.updateGlobal({ slug, data: data as never, draft: true, ...asUser(actor) }),
        );
        expect(result).toBe(writers[actor]);
      });
    }

    it(`${actor} media upload: ${writers[actor]}`, async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
      const result = await attempt(() =>
        payload.create({
          collection: "media",
          data: { alt: "测试图片" },
          file: {
            data: svg,
            mimetype: "image/svg+xml",
            name: `t-${actor}.svg`,
            size: svg.byteLength,
          },
          ...asUser(actor),
        }),
      );
      expect(result).toBe(writers[actor]);
      await expect(payload.find({ collection: "media", ...asUser(actor) })).resolves.toBeDefined();
    });
  }

  it("anonymous cannot read a draft by id", async () => {
    const draft = await payload.find({
      collection: "faqs",
      where: { anchor: { equals: "faq-2" } },
    });
    const id = draft.docs[0]?.id;
    expect(id).toBeDefined();
    await expect(
      payload.findByID({ collection: "faqs", id: id as number, ...asUser("anonymous") }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("partners: admin manages; the public sees active partners without their origins", () => {
  it("anonymous lists active partners only, without allowed origins", async () => {
    const result = await payload.find({ collection: "partners", ...asUser("anonymous") });
    expect(result.docs.map((doc) => doc.key)).toEqual(["active-cloud"]);
    // The fixture has one origin (staff see it below); the public gets none of it.
    expect(result.docs[0]?.allowedOrigins ?? []).toEqual([]);
  });

  for (const actor of ["editor", "sales"] as const) {
    it(`${actor} reads every partner but cannot create, update or delete`, async () => {
      const result = await payload.find({ collection: "partners", ...asUser(actor) });
      expect(result.totalDocs).toBe(2);
      expect(result.docs.find((doc) => doc.key === "active-cloud")?.allowedOrigins).toHaveLength(1);
      const id = result.docs[0]?.id as number;
      expect(
        await attempt(() =>
          payload.create({
            collection: "partners",
            data: { key: `x-${actor}`, name: "x" },
            ...asUser(actor),
          }),
        ),
      ).toBe("denied");
      expect(
        await attempt(() =>
          payload.update({ collection: "partners", id, data: { active: false }, ...asUser(actor) }),
        ),
      ).toBe("denied");
      expect(
        await attempt(() => payload.delete({ collection: "partners", id, ...asUser(actor) })),
      ).toBe("denied");
    });
  }

  it("admin creates, updates and deletes partners", async () => {
    const created = await payload.create({
      collection: "partners",
      data: { key: "new-cloud", name: "新云" },
      ...asUser("admin"),
    });
    await payload.update({
      collection: "partners",
      id: created.id,
      data: { name: "新云2" },
      ...asUser("admin"),
    });
    await payload.delete({ collection: "partners", id: created.id, ...asUser("admin") });
  });

  it("rejects a malformed origin or colour", async () => {
    await expect(
      payload.create({
        collection: "partners",
        data: {
          key: "bad",
          name: "坏",
          allowedOrigins: [{ origin: "https://x.example.com/path" }],
        },
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      payload.create({
        collection: "partners",
        data: { key: "bad2", name: "坏", themeColor: "red" },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe("users: admin manages everyone; others see and edit only themselves", () => {
  it("anonymous reads no users", async () => {
    const result = await attempt(() =>
      payload.find({ collection: "users", ...asUser("anonymous") }),
    );
    expect(result).toBe("denied");
  });

  it("editor sees only themselves; sales also sees the sales team; admin sees all", async () => {
    const seen = async (actor: TRole) =>
      (await payload.find({ collection: "users", ...asUser(actor), sort: "email" })).docs
        .map((doc) => doc.email)
        .sort();
    expect(await seen("editor")).toEqual(["editor@test.local"]);
    expect(await seen("sales")).toEqual(["admin@test.local", "sales@test.local"]);
    expect(await seen("admin")).toEqual([
      "admin@test.local",
      "editor@test.local",
      "sales@test.local",
    ]);
  });

  it("nobody but an admin creates users or changes roles", async () => {
    for (const actor of ["anonymous", "editor", "sales"] as const) {
      expect(
        await attempt(() =>
          payload.create({
            collection: "users",
            data: { email: `new-${actor}@test.local`, password: "password-123456", role: "admin" },
            ...asUser(actor),
          }),
        ),
      ).toBe("denied");
    }
    // An editor may edit their own name, but the role field is out of their reach.
    const updated = await payload.update({
      collection: "users",
      id: users.editor.id,
      data: { name: "新名字", role: "admin" },
      ...asUser("editor"),
    });
    expect(updated.name).toBe("新名字");
    expect(updated.role).toBe("editor");
    expect(
      await attempt(() =>
        payload.update({
          collection: "users",
          id: users.sales.id,
          data: { name: "x" },
          ...asUser("editor"),
        }),
      ),
    ).toBe("denied");
    expect(
      await attempt(() =>
        payload.delete({ collection: "users", id: users.sales.id, ...asUser("sales") }),
      ),
    ).toBe("denied");
  });

  it("locks an account after five failed logins", async () => {
    const email = "lockme@test.local";
    await payload.create({
      collection: "users",
      data: { email, password: "right-password-1", role: "editor" },
    });
    for (let i = 0; i < 5; i++) {
      await expect(
        payload.login({ collection: "users", data: { email, password: "wrong-password" } }),
      ).rejects.toBeDefined();
    }
    await expect(
      payload.login({ collection: "users", data: { email, password: "right-password-1" } }),
    ).rejects.toMatchObject({ status: 401, name: "LockedAuth" });
  });
});
