/**
 * The lists a salesperson opens most read their first page through an index, in index order: no
 * sort of every lead or order on each page view. Checked on the SQL Payload itself runs for the
 * admin's list (the list view's own `find`: depth 0, the viewer's access, which adds "not
 * suspected spam"), asked of SQLite with EXPLAIN QUERY PLAN. Without the compound indexes in the
 * collections' config SQLite picks the suspected-spam index and then sorts every genuine lead
 * ("USE TEMP B-TREE FOR ORDER BY"), which at 100,000 leads is most of the page's time.
 */
import type { Payload, TypedUser, Where } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPayload, type TTestPayload } from "../payload.ts";

type TStatement = { sql: string; args?: unknown };
type TClient = {
  execute: (statement: TStatement | string, args?: unknown) => Promise<{ rows: unknown[] }>;
};

let t: TTestPayload;
let payload: Payload;
let sales: TypedUser;

beforeAll(async () => {
  t = await createTestPayload();
  payload = t.payload;
  const user = await payload.create({
    collection: "users",
    data: { email: "plans@example.com", password: "query-plans-password-2026", role: "sales" },
  });
  sales = { ...user, collection: "users" } as TypedUser;
});
afterAll(() => t?.close());

/** The statements Payload sends to SQLite while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<TStatement[]> {
  const client = (payload.db as unknown as { client: TClient }).client;
  const execute = client.execute.bind(client);
  const seen: TStatement[] = [];
  client.execute = (statement, args) => {
    seen.push(typeof statement === "string" ? { sql: statement, args } : statement);
    return execute(statement, args);
  };
  try {
    await work();
  } finally {
    client.execute = execute;
  }
  return seen;
}

/**
 * SQLite's plan for the page's select (the statement with ORDER BY … LIMIT), its top level only
 * (rows under a correlated subquery, the arrays and joins read per row, are left out), as one text.
 */
async function planOfPage(
  collection: "leads" | "orders",
  sort: string,
  where?: Where,
): Promise<string> {
  const statements = await statementsOf(() =>
    payload.find({
      collection,
      depth: 0,
      limit: 50,
      sort,
      where,
      overrideAccess: false,
      user: sales,
    }),
  );
  const page = statements.find(
    (s) =>
      /order by/i.test(s.sql) && /limit/i.test(s.sql) && s.sql.includes(`from "${collection}"`),
  );
  if (!page) throw new Error(`no page query among:\n${statements.map((s) => s.sql).join("\n")}`);
  const client = (payload.db as unknown as { client: TClient }).client;
  const { rows } = await client.execute({
    sql: `EXPLAIN QUERY PLAN ${page.sql}`,
    args: page.args as never,
  });
  return (rows as { parent: number; detail: string }[])
    .filter((row) => row.parent === 0)
    .map((row) => row.detail)
    .join("\n");
}

describe("the sales lists read their first page in index order", () => {
  it("leads, newest first, as the list opens", async () => {
    const plan = await planOfPage("leads", "-createdAt");
    expect(plan).not.toContain("TEMP B-TREE");
    expect(plan).toMatch(
      /USING (COVERING )?INDEX suspectedSpam_createdAt(_\d+)?_idx \(suspected_spam=\?\)/,
    );
  });

  it("orders, newest first, as the list opens", async () => {
    const plan = await planOfPage("orders", "-createdAt");
    expect(plan).not.toContain("TEMP B-TREE");
    expect(plan).toMatch(
      /USING (COVERING )?INDEX suspectedSpam_createdAt(_\d+)?_idx \(suspected_spam=\?\)/,
    );
  });
});
