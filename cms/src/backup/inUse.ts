/**
 * Whether a stack is using a SQLite database, told by a lock the operating system keeps: every
 * process that opens the database through Payload (the CMS, a jobs worker, `pnpm backup`, the seed)
 * holds a shared lock on `<database>.in-use` for as long as it runs — a crash lets go of it too —
 * and restore takes that lock exclusively, which it can have only while no such process runs, and
 * keeps it until the files are swapped in (a CMS starting meanwhile refuses to).
 *
 * SQLite's locks on the database itself tell nothing reliable: its client opens a connection per
 * transaction and closes it after, so an idle CMS may have no connection open at that moment. A PID
 * file would outlive a crash, and a port check would find another stack's CMS.
 * The marker is an empty SQLite file used for its locks only; it holds no data.
 */
import Database from "libsql";
import type { Payload } from "payload";
import { databaseKind } from "../env.ts";
import { sqliteFilePath } from "./sqliteFile.ts";

export const inUseMarker = (databaseFile: string): string => `${databaseFile}.in-use`;

/** Open marks, so that no garbage collection closes one (and lets go of its lock) before its time. */
const held = new Set<Database.Database>();

const isBusy = (error: unknown) =>
  String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY");

/**
 * Marks the database as in use by this process until the returned function is called (or the
 * process ends). Throws while a restore is replacing it.
 */
export function holdInUse(databaseFile: string): () => void {
  const marker = new Database(inUseMarker(databaseFile));
  try {
    // A read transaction left open: SQLite holds a shared lock on the file until it ends. (exec,
    // not a prepared statement: libsql keeps a statement, and its lock, until it is collected.)
    marker.exec("BEGIN");
    marker.exec("SELECT count(*) FROM sqlite_master");
  } catch (error) {
    marker.close();
    if (isBusy(error))
      throw new Error(
        `${databaseFile} is being restored (pnpm restore): start again once the restore has finished`,
      );
    throw error;
  }
  held.add(marker);
  return () => {
    held.delete(marker);
    marker.close();
  };
}

/**
 * Keeps this Payload's database marked as in use until `payload.destroy()`. For config.ts's
 * `onInit`, so that every process that opens the database through Payload is seen.
 */
export function markDatabaseInUse(payload: Payload, databaseUri: string): void {
  if (databaseKind(databaseUri) !== "sqlite") return;
  const release = holdInUse(sqliteFilePath(databaseUri));
  const destroy = payload.db.destroy?.bind(payload.db);
  payload.db.destroy = async () => {
    release();
    await destroy?.();
  };
}

/**
 * Takes the database for a restore: the returned function lets go of it; `undefined` when another
 * process is using it.
 */
export function takeFromUse(databaseFile: string): (() => void) | undefined {
  const marker = new Database(inUseMarker(databaseFile));
  try {
    marker.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    marker.close();
    if (isBusy(error)) return undefined;
    throw error;
  }
  return () => {
    marker.exec("ROLLBACK");
    marker.close();
  };
}
