/**
 * SQLite database files as files: where `DATABASE_URI` keeps one, and what a snapshot file holds.
 * The live database is only ever read and written through Payload; what is opened here is a
 * snapshot, a closed file of our own.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
// libsql's better-sqlite3 API (synchronous, one file, no pool): the same engine Payload's adapter
// runs on.
import Database from "libsql";

type TRow = Record<string, unknown>;

/** The file a `file:` DATABASE_URI names (relative paths from the working directory, as libsql). */
export function sqliteFilePath(uri: string): string {
  if (uri.startsWith("file://")) return fileURLToPath(uri.split("?")[0] ?? uri);
  return path.resolve((uri.replace(/^file:/, "").split("?")[0] ?? "").trim());
}

/** The files SQLite keeps beside a database while it is open (WAL) or mid-transaction. */
export const SQLITE_COMPANIONS = ["-wal", "-shm", "-journal"] as const;

export type TSqliteContents = { migrations: string[]; counts: Record<string, number> };

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Checks a snapshot file through and through (`PRAGMA integrity_check`) and reads what it holds:
 * the migrations its schema has had and the rows of each named table (`tables`: collection slug →
 * table). Opened read-only: nothing about the file changes. Throws when SQLite finds damage.
 */
export function inspectSqliteFile(
  file: string,
  tables: Record<string, string> = {},
): TSqliteContents {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = (sql: string) => db.prepare(sql).all() as TRow[];
    const problems = rows("PRAGMA integrity_check").map((row) => String(row.integrity_check));
    if (problems.join() !== "ok")
      throw new Error(`${file} is damaged: ${problems.slice(0, 5).join("; ")}`);
    const existing = new Set(
      rows("SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => String(row.name)),
    );
    const migrations = existing.has("payload_migrations")
      ? rows("SELECT name FROM payload_migrations ORDER BY id").map((row) => String(row.name))
      : [];
    const counts: Record<string, number> = {};
    for (const [slug, table] of Object.entries(tables)) {
      if (!existing.has(table)) continue;
      counts[slug] = Number(rows(`SELECT count(*) AS n FROM ${quoted(table)}`)[0]?.n);
    }
    return { migrations, counts };
  } finally {
    db.close();
  }
}
