/**
 * Transactions run on kept connections (warmTransactions.ts): the next transaction finds the
 * connection the last one used — a TEMP table, which lives on one connection only, says which —
 * unless the last one saw an error; what they commit is what every connection reads, what they
 * roll back nobody does; they commit with synchronous = FULL; their statements are prepared once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Client, createClient } from "@libsql/client";
import { afterEach, beforeEach, expect, it } from "vitest";
import { keepTransactionConnections } from "./warmTransactions.ts";

let dir: string;
let client: Client;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "beian-warm-"));
  const url = `file:${path.join(dir, "warm.db")}`;
  client = createClient({ url });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("CREATE TABLE leads (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
  await keepTransactionConnections(client, url);
});
afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether this transaction runs on the connection that created the TEMP table `mark`. */
async function onMarkedConnection(tx: Awaited<ReturnType<Client["transaction"]>>) {
  const found = await tx.execute(
    "SELECT count(*) AS n FROM sqlite_temp_master WHERE name = 'mark'",
  );
  return Number(found.rows[0]?.n) === 1;
}

it("runs the next transaction on the connection the last one committed on", async () => {
  const first = await client.transaction("write");
  await first.execute("CREATE TEMP TABLE mark (x)");
  await first.execute({ sql: "INSERT INTO leads (name) VALUES (?)", args: ["张三"] });
  await first.commit();
  expect((await client.execute("SELECT name FROM leads")).rows.map((row) => row.name)).toEqual([
    "张三",
  ]);
  const second = await client.transaction("write");
  expect(await onMarkedConnection(second)).toBe(true);
  expect(Number((await second.execute("PRAGMA synchronous")).rows[0]?.synchronous)).toBe(2); // FULL
  await second.execute({ sql: "INSERT INTO leads (name) VALUES (?)", args: ["李四"] });
  await second.rollback();
  expect((await client.execute("SELECT count(*) AS n FROM leads")).rows[0]?.n).toBe(1);
  // The client's own connection is its own: it never had the mark.
  expect((await client.execute("SELECT count(*) AS n FROM sqlite_temp_master")).rows[0]?.n).toBe(0);
});

it("also when the transaction ends itself with a COMMIT statement, and then refuses more", async () => {
  const first = await client.transaction("write");
  await first.execute("CREATE TEMP TABLE mark (x)");
  await first.execute("COMMIT");
  expect(first.closed).toBe(true);
  await expect(first.commit()).rejects.toThrow(/closed/);
  const second = await client.transaction("write");
  expect(await onMarkedConnection(second)).toBe(true);
  await second.commit();
});

it("never reuses a connection on which a statement failed", async () => {
  const first = await client.transaction("write");
  await first.execute("CREATE TEMP TABLE mark (x)");
  await first.execute({ sql: "INSERT INTO leads (name) VALUES (?)", args: ["张三"] });
  await expect(
    first.execute({ sql: "INSERT INTO leads (name) VALUES (?)", args: ["张三"] }),
  ).rejects.toThrow(/UNIQUE/);
  await first.rollback();
  const second = await client.transaction("write");
  expect(await onMarkedConnection(second)).toBe(false);
  await second.commit();
});

it("leaves a connection whose kept statements predate a schema change", async () => {
  const tx = await client.transaction("write");
  await tx.execute("CREATE TEMP TABLE mark (x)");
  // Kept, this statement would go on reading the columns it was compiled with.
  await tx.execute("SELECT * FROM leads");
  await tx.commit();
  await client.execute("ALTER TABLE leads ADD COLUMN phone TEXT");
  const after = await client.transaction("write");
  expect(await onMarkedConnection(after)).toBe(false);
  const read = await after.execute("SELECT * FROM leads");
  expect(read.columns).toEqual(["id", "name", "phone"]);
  await after.commit();
});

it("prepares again what a schema change in its own transaction made stale", async () => {
  const tx = await client.transaction("write");
  expect((await tx.execute("SELECT * FROM leads")).columns).toEqual(["id", "name"]);
  await tx.execute("ALTER TABLE leads ADD COLUMN phone TEXT");
  expect((await tx.execute("SELECT * FROM leads")).columns).toEqual(["id", "name", "phone"]);
  await tx.commit();
});
