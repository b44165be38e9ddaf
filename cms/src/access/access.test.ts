/**
 * CONTRACT §5 over real HTTP: every role (and anonymous) × every collection and global of the
 * built config, Payload's own included × read (published and drafts), create, update, delete and
 * the versions endpoints, held against the one table in matrix/expected.ts. A collection or global
 * the table does not know fails here. After the matrix, the rules a table cell cannot hold.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import type { TRole } from "@beian/contract";
import type { CollectionSlug, GlobalSlug, Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBeianConfig } from "../config.ts";
import type { User } from "../payload-types.ts";
import { createTestPayload, type TTestPayload, testEnv } from "../testing/payload.ts";
import { startTestServer, type TTestServer } from "../testing/server.ts";
import { ACTORS, EXPECTED_COLLECTIONS, EXPECTED_GLOBALS, type TActor } from "./matrix/expected.ts";
import {
  COLLECTION_FIXTURES,
  GLOBAL_FIXTURES,
  type TFixtureContext,
  type TId,
} from "./matrix/fixtures.ts";
import { clientFor, observeCollection, observeGlobal, type TClient } from "./matrix/probe.ts";

// The tests are generated from the config as it is built, before any Payload boots.
const config = await buildBeianConfig(testEnv(path.join(tmpdir(), "beian-access-config")));

const isCollectionSlug = (slug: string): slug is CollectionSlug =>
  Object.hasOwn(EXPECTED_COLLECTIONS, slug) && Object.hasOwn(COLLECTION_FIXTURES, slug);
const isGlobalSlug = (slug: string): slug is GlobalSlug =>
  Object.hasOwn(EXPECTED_GLOBALS, slug) && Object.hasOwn(GLOBAL_FIXTURES, slug);

let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let accounts: Record<TRole, User>;
let clients: Record<TActor, TClient>;
let serial = 0;
let colleagues = 0;

const PASSWORD = "matrix-password-123";

async function createAccount(role: TRole, email: string): Promise<User> {
  const doc = await payload.create({
    collection: "users",
    data: { email, password: PASSWORD, role, name: role },
  });
  return { ...doc, collection: "users" };
}

beforeAll(async () => {
  t = await createTestPayload();
  payload = t.payload;
  server = await startTestServer(t);
  accounts = {
    admin: await createAccount("admin", "admin@test.local"),
    editor: await createAccount("editor", "editor@test.local"),
    sales: await createAccount("sales", "sales@test.local"),
  };
  const as = async (role: TRole) =>
    clientFor(server.url, await server.login(accounts[role].email, PASSWORD));
  clients = {
    admin: await as("admin"),
    editor: await as("editor"),
    sales: await as("sales"),
    anonymous: clientFor(server.url, undefined),
  };
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

/** Runs `body` with fresh fixtures for `actor`, and deletes every document it made afterwards. */
async function withFixtures<T>(
  actor: TActor,
  body: (
    ctx: TFixtureContext,
    created: (collection: CollectionSlug, id: TId) => void,
  ) => Promise<T>,
): Promise<T> {
  const made: { collection: CollectionSlug; id: TId }[] = [];
  const remember = (collection: CollectionSlug, id: TId) => made.push({ collection, id });
  serial += 10;
  const ctx: TFixtureContext = {
    self: actor === "anonymous" ? undefined : accounts[actor],
    n: serial,
    make: async (collection, data, options = {}) => {
      const doc = await payload.create({ collection, data, depth: 0, ...options });
      remember(collection, doc.id);
      return doc.id;
    },
    colleague: async (role) => {
      colleagues += 1;
      const user = await createAccount(role, `${role}-${colleagues}@colleague.local`);
      remember("users", user.id);
      return user;
    },
  };
  try {
    return await body(ctx, remember);
  } finally {
    for (const { collection, id } of made.reverse()) {
      // By query, so that a document the test itself deleted is no error.
      await payload.delete({ collection, where: { id: { equals: id } } });
    }
  }
}

describe("the access table covers the config", () => {
  it("lists exactly the config's collections and globals, no more and no fewer", () => {
    expect(Object.keys(EXPECTED_COLLECTIONS).sort()).toEqual(
      config.collections.map((collection) => collection.slug).sort(),
    );
    expect(Object.keys(EXPECTED_GLOBALS).sort()).toEqual(
      config.globals.map((global) => global.slug).sort(),
    );
  });
});

function failsForLackingARow(slug: string) {
  it("has a row (and fixtures) in the access table", () => {
    expect.fail(`${slug} is missing from matrix/expected.ts or matrix/fixtures.ts`);
  });
}

describe.each(config.collections)("collection $slug", ({ slug, versions }) => {
  if (!isCollectionSlug(slug)) return failsForLackingARow(slug);
  it.each(ACTORS)("%s", async (actor) => {
    const observed = await withFixtures(actor, (ctx, created) =>
      observeCollection({
        payload,
        slug,
        fixture: COLLECTION_FIXTURES[slug],
        versions: Boolean(versions),
        ctx,
        created: (id) => created(slug, id),
        as: clients[actor],
        admin: clients.admin,
      }),
    );
    expect(observed).toEqual(EXPECTED_COLLECTIONS[slug](actor));
  });
});

describe.each(config.globals)("global $slug", ({ slug, versions }) => {
  if (!isGlobalSlug(slug)) return failsForLackingARow(slug);
  it.each(ACTORS)("%s", async (actor) => {
    const observed = await observeGlobal({
      payload,
      slug,
      fixture: GLOBAL_FIXTURES[slug],
      versions: Boolean(versions),
      as: clients[actor],
      admin: clients.admin,
    });
    expect(observed).toEqual(EXPECTED_GLOBALS[slug](actor));
  });
});

describe("what the table cannot hold", () => {
  it("the public gets active partners without their allowed origins; staff get the origins", async () => {
    await withFixtures("anonymous", async (ctx) => {
      const docs = await COLLECTION_FIXTURES.partners.docs(ctx);
      const origins = async (actor: TActor) => {
        const answer = await clients[actor]("GET", `/partners/${docs.active}?depth=0`);
        expect(answer.status).toBe(200);
        return answer.body.allowedOrigins;
      };
      expect(await origins("anonymous")).toEqual([]);
      for (const actor of ["admin", "editor", "sales"] as const) {
        expect(await origins(actor)).toMatchObject([{ origin: "https://a.example.com" }]);
      }
    });
  });

  it("the public cannot read a draft by its id", async () => {
    await withFixtures("anonymous", async (ctx) => {
      const docs = await COLLECTION_FIXTURES.faqs.docs(ctx);
      expect((await clients.anonymous("GET", `/faqs/${docs.draft}?depth=0`)).status).toBe(404);
      expect((await clients.anonymous("GET", `/faqs/${docs.published}?depth=0`)).status).toBe(200);
    });
  });

  it("staff edit their own account, but only an admin sets a role", async () => {
    for (const role of ["editor", "sales"] as const) {
      const id = accounts[role].id;
      const answer = await clients[role]("PATCH", `/users/${id}?depth=0`, {
        name: `新名字 ${role}`,
        role: "admin",
      });
      expect(answer.status).toBe(200);
      const stored = await payload.findByID({ collection: "users", id });
      expect({ name: stored.name, role: stored.role }).toEqual({ name: `新名字 ${role}`, role });
    }
    await withFixtures("admin", async (ctx) => {
      const colleague = await ctx.colleague("editor");
      const answer = await clients.admin("PATCH", `/users/${colleague.id}?depth=0`, {
        role: "sales",
      });
      expect(answer.status).toBe(200);
      expect((await payload.findByID({ collection: "users", id: colleague.id })).role).toBe(
        "sales",
      );
    });
  });

  it("an admin creates, updates and deletes a partner through the Local API, access enforced", async () => {
    const asAdmin = { overrideAccess: false, user: accounts.admin };
    const data = { key: "new-cloud", name: "新云" };
    const created = await payload.create({ collection: "partners", data, ...asAdmin });
    expect(created).toMatchObject(data);
    const updated = await payload.update({
      collection: "partners",
      id: created.id,
      data: { name: "新云2" },
      ...asAdmin,
    });
    expect(updated.name).toBe("新云2");
    await payload.delete({ collection: "partners", id: created.id, ...asAdmin });
    const gone = await payload.findByID({
      collection: "partners",
      id: created.id,
      disableErrors: true,
    });
    expect(gone).toBeNull();
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

  // Locking an account let any stranger lock any colleague out; failed logins are throttled per
  // client address instead (collections/Users/users.test.ts).
  it("never locks an account: after five failed logins the right password still signs in", async () => {
    const email = "lockme@test.local";
    await payload.create({
      collection: "users",
      data: { email, password: "right-password-1", role: "editor" },
    });
    for (let i = 0; i < 5; i++) {
      await expect(
        payload.login({ collection: "users", data: { email, password: "wrong-password" } }),
      ).rejects.toMatchObject({ status: 401 });
    }
    const login = await payload.login({
      collection: "users",
      data: { email, password: "right-password-1" },
    });
    expect(login.user?.email).toBe(email);
  });
});
