/**
 * SQLite database files as files: where `DATABASE_URI` keeps one, what a snapshot file holds, and
 * whether a process has one open. The live database is only ever read and written through Payload;
 * what is opened here is either a snapshot (a closed file of our own) or, in `isDatabaseInUse`, the
 * stopped stack's file, to prove that nothing has it open before restore replaces it.
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

/**
 * Whether another process has the database open — a running CMS, a jobs worker, a backup. The CMS
 * always runs it in WAL mode (`db/adapter.ts`), where every connection that has read holds a shared
 * lock for as long as it stays open, even when idle: an exclusive lock can only be had when no
 * other process has the file open at all. The
 * lock is let go at once (SQLite then also folds a crashed process's leftover WAL into the file).
 * POSIX locks belong to a process: a connection of this same process is not seen.
 */
export function isDatabaseInUse(file: string): boolean {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.exec("PRAGMA locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    db.close();
  }
}
