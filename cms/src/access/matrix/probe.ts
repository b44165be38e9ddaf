/**
 * Runs one actor's requests against one collection or global over real HTTP and reports what came
 * of each, in expected.ts's words. A write is judged by the database, not the status alone: it is
 * "allowed" only if it took effect, "denied" only if it answered 401/403 and took none. Anything
 * else (a 400, a 500, a 200 that changed nothing) is spelled out, so the test shows it.
 */
import type { CollectionSlug, GlobalSlug, Payload } from "payload";
import type { TRead, TWrite } from "./expected.ts";
import type {
  TBody,
  TCollectionFixture,
  TFixtureContext,
  TGlobalFixture,
  TId,
} from "./fixtures.ts";

export type TAnswer = { status: number; body: TBody };
/** Requests to `/api…` as one actor. */
export type TClient = (method: string, path: string, body?: TBody | FormData) => Promise<TAnswer>;
export type TObserved = Record<string, TRead | TWrite | string>;

export function clientFor(url: string, token: string | undefined): TClient {
  return async (method, path, body) => {
    const headers = new Headers(token ? { Authorization: `JWT ${token}` } : {});
    if (body && !(body instanceof FormData)) headers.set("Content-Type", "application/json");
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers,
      ...(body ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: asObject(text ? safeJson(text) : {}) };
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

function asObject(value: unknown): TBody {
  return typeof value === "object" && value !== null
    ? Object.fromEntries(Object.entries(value))
    : {};
}

function unexpected(answer: TAnswer, note: string): string {
  return `unexpected: HTTP ${answer.status}, ${note}: ${JSON.stringify(answer.body).slice(0, 300)}`;
}

function writeOutcome(answer: TAnswer, tookEffect: boolean): TWrite | string {
  if (answer.status === 501) return "no route";
  if (tookEffect && answer.status < 300) return "allowed";
  if (!tookEffect && (answer.status === 401 || answer.status === 403)) return "denied";
  return unexpected(answer, tookEffect ? "took effect" : "no effect");
}

function readOutcome(answer: TAnswer, labels: () => string[]): TRead | string {
  if (answer.status === 501) return "no route";
  if (answer.status === 401 || answer.status === 403) return "denied";
  if (answer.status === 200) return labels().sort();
  return unexpected(answer, "read");
}

/** Whether `actual` holds every value `expected` names (objects compared key by key). */
function holds(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== "object" || expected === null) return actual === expected;
  if (typeof actual !== "object" || actual === null) return false;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => holds(actual[i], item))
    );
  }
  const values = new Map(Object.entries(actual));
  return Object.entries(expected).every(([key, value]) => holds(values.get(key), value));
}

const docsOf = (answer: TAnswer) =>
  Array.isArray(answer.body.docs) ? answer.body.docs.map(asObject) : [];

export type TCollectionRun = {
  payload: Payload;
  slug: CollectionSlug;
  fixture: TCollectionFixture;
  versions: boolean;
  ctx: TFixtureContext;
  /** Remembers a document created over HTTP, for the clean-up. */
  created: (id: TId) => void;
  as: TClient;
  /** An admin's requests, to prepare a restore. */
  admin: TClient;
};

/** Every operation of one collection, as one actor. */
export async function observeCollection(run: TCollectionRun): Promise<TObserved> {
  const { slug, fixture } = run;
  const docs = await fixture.docs(run.ctx);
  const labelOf = (doc: TBody) =>
    Object.entries(docs).find(([, id]) => id === doc.id)?.[0] ?? `unlabelled ${String(doc.id)}`;
  const list = async (draft: boolean) => {
    const where = Object.values(docs).map((id, i) => `where[id][in][${i}]=${id}`);
    const answer = await run.as("GET", `/${slug}?depth=0&draft=${draft}&${where.join("&")}`);
    return readOutcome(answer, () => docsOf(answer).map(labelOf));
  };
  const target = requiredId(docs, fixture.change.label);
  const observed: TObserved = { read: await list(false), readDrafts: await list(true) };
  if (run.versions) observed.readVersions = await readVersions(run, `/${slug}`, target);
  observed.update = await update(run, target);
  if (run.versions) observed.restoreVersion = await restore(run, target);
  observed.create = await create(run);
  const removal =
    typeof fixture.remove === "string"
      ? { label: fixture.remove, path: `/${slug}/${requiredId(docs, fixture.remove)}` }
      : fixture.remove(run.ctx);
  observed.delete = await remove(run, removal.path, requiredId(docs, removal.label));
  return observed;
}

function requiredId(docs: Record<string, TId>, label: string): TId {
  const id = docs[label];
  if (id === undefined) throw new Error(`the fixtures have no document labelled "${label}"`);
  return id;
}

const current = (run: TCollectionRun, id: TId) =>
  run.payload.findByID({
    collection: run.slug,
    id,
    depth: 0,
    draft: true,
    disableErrors: true,
    overrideAccess: true,
  });

async function readVersions(
  run: { as: TClient },
  path: string,
  parent: TId | undefined,
): Promise<TWrite | string> {
  const where = parent === undefined ? "" : `&where[parent][equals]=${parent}`;
  const answer = await run.as("GET", `${path}/versions?depth=0${where}`);
  return writeOutcome(answer, answer.status === 200 && docsOf(answer).length > 0);
}

async function update(run: TCollectionRun, id: TId): Promise<TWrite | string> {
  const { data } = run.fixture.change;
  if (holds(await current(run, id), data))
    return "unexpected: the fixture already holds the change";
  const answer = await run.as("PATCH", `/${run.slug}/${id}?depth=0`, data);
  return writeOutcome(answer, holds(await current(run, id), data));
}

/** Restores the document's first version over a later change (made by an admin if need be). */
async function restore(run: TCollectionRun, id: TId): Promise<TWrite | string> {
  const { data } = run.fixture.change;
  const first = await run.payload.findVersions({
    collection: run.slug,
    where: { parent: { equals: id } },
    sort: "createdAt",
    limit: 1,
  });
  const version = first.docs[0]?.id;
  if (version === undefined) return "unexpected: the fixture has no version";
  if (!holds(await current(run, id), data)) await run.admin("PATCH", `/${run.slug}/${id}`, data);
  if (!holds(await current(run, id), data)) return "unexpected: an admin could not change it";
  const answer = await run.as("POST", `/${run.slug}/versions/${version}?depth=0`);
  return writeOutcome(answer, !holds(await current(run, id), data));
}

async function create(run: TCollectionRun): Promise<TWrite | string> {
  const count = async () =>
    (await run.payload.count({ collection: run.slug, overrideAccess: true })).totalDocs;
  const before = await count();
  const answer = await run.as("POST", `/${run.slug}?depth=0`, await run.fixture.create(run.ctx));
  const id = asObject(answer.body.doc).id;
  if (typeof id === "number") run.created(id);
  return writeOutcome(answer, (await count()) > before);
}

async function remove(run: TCollectionRun, path: string, id: TId): Promise<TWrite | string> {
  const answer = await run.as("DELETE", path);
  return writeOutcome(answer, (await current(run, id)) === null);
}

export type TGlobalRun = {
  payload: Payload;
  slug: GlobalSlug;
  fixture: TGlobalFixture;
  versions: boolean;
  as: TClient;
  admin: TClient;
};

/** Every operation of one global, as one actor. */
export async function observeGlobal(run: TGlobalRun): Promise<TObserved> {
  const { slug, fixture } = run;
  const published = await fixture.set(run.payload);
  const path = `/globals/${slug}`;
  const read = async (draft: boolean) => {
    const answer = await run.as("GET", `${path}?depth=0&draft=${draft}`);
    return readOutcome(answer, () => [fixture.labelOf(answer.body) ?? "unlabelled"]);
  };
  const latest = () =>
    run.payload.findGlobal({ slug, depth: 0, draft: true, overrideAccess: true });
  const observed: TObserved = { read: await read(false), readDrafts: await read(true) };
  if (run.versions) observed.readVersions = await readVersions(run, path, undefined);
  const answer = await run.as("POST", `${path}?depth=0`, fixture.change);
  observed.update = writeOutcome(answer, holds(await latest(), fixture.change));
  if (run.versions) {
    if (!holds(await latest(), fixture.change)) await run.admin("POST", path, fixture.change);
    if (published === undefined || !holds(await latest(), fixture.change)) {
      observed.restoreVersion = "unexpected: could not prepare the restore";
    } else {
      const restored = await run.as("POST", `${path}/versions/${published}?depth=0`);
      observed.restoreVersion = writeOutcome(restored, !holds(await latest(), fixture.change));
    }
  }
  return observed;
}
