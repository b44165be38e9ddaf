/**
 * A connection opened (or adopted) through `withStatementCache` hands back the statement it prepared before for
 * the same SQL — across reads of the schema version, which every transaction begins with — and
 * prepares anew after a statement that changes a table; any other connection prepares every time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "libsql";
import { afterEach, beforeEach, expect, it } from "vitest";
import { withStatementCache } from "./statementCache.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "beian-statements-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => new Database(path.join(dir, "statements.db"));
const SELECT = "SELECT id FROM leads WHERE id > ?";

/** A connection opened as warmTransactions.ts opens one: its first statement prepared inside. */
const openKept = () =>
  withStatementCache(() => {
    const opened = open();
    opened.prepare("SELECT 1");
    return opened;
  });

it("keeps a statement per SQL until a table changes", () => {
  const db = openKept();
  db.exec("CREATE TABLE leads (id INTEGER PRIMARY KEY)");
  const first = db.prepare(SELECT);
  expect(db.prepare(SELECT)).toBe(first);
  db.prepare("PRAGMA schema_version");
  expect(db.prepare(SELECT)).toBe(first);
  db.prepare("ALTER TABLE leads ADD COLUMN name TEXT");
  expect(db.prepare(SELECT)).not.toBe(first);
  db.close();
});

it("leaves every other connection as libsql made it", () => {
  const db = open();
  db.exec("CREATE TABLE leads (id INTEGER PRIMARY KEY)");
  expect(db.prepare(SELECT)).not.toBe(db.prepare(SELECT));
  db.close();
});

it("answers a kept statement's columns and raw mode from the first answers", () => {
  const db = openKept();
  db.exec("CREATE TABLE leads (id INTEGER PRIMARY KEY, name TEXT)");
  const select = db.prepare("SELECT id, name FROM leads");
  const columns = select.columns();
  expect(columns.map((column) => column.name)).toEqual(["id", "name"]);
  expect(db.prepare("SELECT id, name FROM leads").columns()).toBe(columns);
  db.prepare("INSERT INTO leads (name) VALUES ('甲')").run();
  expect(select.raw(true).all()).toEqual([[1, "甲"]]);
  expect(select.raw(false).all()).toEqual([{ id: 1, name: "甲" }]);
  expect(select.raw(true).all()).toEqual([[1, "甲"]]);
  // A statement returning no rows refuses raw mode every time, as libsql does.
  const insert = db.prepare("INSERT INTO leads (name) VALUES (?)");
  expect(() => insert.raw(true)).toThrow();
  expect(() => insert.raw(true)).toThrow();
  db.close();
});

it("adopts a connection already open, by a statement it prepares (the client's own, once connected)", () => {
  const db = open();
  db.exec("CREATE TABLE leads (id INTEGER PRIMARY KEY)");
  expect(db.prepare(SELECT)).not.toBe(db.prepare(SELECT));
  withStatementCache(() => db.prepare("SELECT 1"));
  const first = db.prepare(SELECT);
  expect(db.prepare(SELECT)).toBe(first);
  db.close();
});
