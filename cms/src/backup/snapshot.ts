/**
 * Takes a snapshot of a running or stopped stack into `BACKUP_DIR`: the SQLite database copied by
 * SQLite itself (`VACUUM INTO`, through Payload's adapter: one consistent state, even while
 * submissions are being written, which a file copy of a live database is not), then the media and
 * the customers' materials, then the manifest. Everything goes into a hidden `.partial-…` folder
 * that is renamed to its final name only when complete: a snapshot that looks complete is.
 */
import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { SQLiteAdapter } from "@payloadcms/db-sqlite";
import type { Payload } from "payload";
import { databaseKind, type TEnv } from "../env.ts";
import { formatChinaTime } from "../lib/chinaTime.ts";
import { copyTree, flushToDisk, sealFile, type TFileEntry } from "./files.ts";
import {
  DATABASE_FILE,
  filesPart,
  MATERIALS_PART,
  MEDIA_PART,
  type TDatabasePart,
  type TManifest,
  type TSnapshotKind,
  writeManifest,
} from "./manifest.ts";
import { chinaStamp, PARTIAL_PREFIX, snapshotName } from "./names.ts";
import { inspectSqliteFile } from "./sqliteFile.ts";

export type TSnapshotSettings = Pick<
  TEnv,
  "DATABASE_URI" | "MEDIA_DIR" | "MATERIALS_DIR" | "BACKUP_DIR"
>;
export type TSnapshot = { dir: string; manifest: TManifest };

export type TSnapshotOptions = {
  kind: TSnapshotKind;
  /** The Payload the database is read through (SQLite); not needed for MongoDB. */
  payload?: Payload;
  now?: Date;
};

export async function takeSnapshot(
  settings: TSnapshotSettings,
  { kind, payload, now = new Date() }: TSnapshotOptions,
): Promise<TSnapshot> {
  refuseBackupsInside(settings);
  await mkdir(settings.BACKUP_DIR, { recursive: true });
  const partial = await mkdtemp(
    path.join(settings.BACKUP_DIR, `${PARTIAL_PREFIX}${chinaStamp(now)}-`),
  );
  try {
    const database = await snapshotDatabase(settings.DATABASE_URI, partial, payload);
    // After the database: every file the database snapshot refers to was on disk before it.
    const media = await copyFolder(settings.MEDIA_DIR, partial, MEDIA_PART);
    const materials = await copyFolder(settings.MATERIALS_DIR, partial, MATERIALS_PART);
    const manifest: TManifest = {
      format: 1,
      kind,
      createdAt: now.toISOString(),
      chinaTime: formatChinaTime(now),
      database: database.part,
      media: filesPart(media.included, media.files),
      materials: filesPart(materials.included, materials.files),
      files: [...database.files, ...media.files, ...materials.files],
    };
    await writeManifest(partial, manifest);
    return { dir: await publish(partial, settings.BACKUP_DIR, now, kind), manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Snapshots inside the folder they copy would each copy every earlier one (and themselves). */
function refuseBackupsInside(settings: TSnapshotSettings): void {
  const backups = path.resolve(settings.BACKUP_DIR);
  for (const [name, dir] of [
    ["MEDIA_DIR", settings.MEDIA_DIR],
    ["MATERIALS_DIR", settings.MATERIALS_DIR],
  ] as const) {
    const inside = path.relative(path.resolve(dir), backups);
    if (!inside.startsWith("..") && !path.isAbsolute(inside))
      throw new Error(
        `BACKUP_DIR (${backups}) is inside ${name} (${dir}): give it a folder of its own`,
      );
  }
}

async function snapshotDatabase(
  uri: string,
  into: string,
  payload: Payload | undefined,
): Promise<{ part: TDatabasePart; files: TFileEntry[] }> {
  // MongoDB has its own tools (mongodump, or the host's backups): the README says how.
  if (databaseKind(uri) === "mongodb")
    return { part: { kind: "mongodb", included: false }, files: [] };
  const db = payload?.db as SQLiteAdapter | undefined;
  if (!payload || db?.name !== "sqlite")
    throw new Error("a SQLite snapshot is read through a Payload connected to that database");
  const file = path.join(into, DATABASE_FILE);
  // A read transaction of its own: writers go on meanwhile (WAL), and the copy is of one moment.
  await db.client.execute({ sql: "VACUUM INTO ?", args: [file] });
  const contents = inspectSqliteFile(file, collectionTables(payload, db));
  return {
    part: { kind: "sqlite", file: DATABASE_FILE, ...contents },
    files: [await sealFile(file, DATABASE_FILE)],
  };
}

/** Each collection's table (Payload's own bookkeeping left out), for the manifest's counts. */
function collectionTables(payload: Payload, db: SQLiteAdapter): Record<string, string> {
  const tables: Record<string, string> = {};
  for (const { slug } of payload.config.collections) {
    const table = db.tableNameMap.get(slug.replaceAll("-", "_"));
    if (table && !slug.startsWith("payload-")) tables[slug] = table;
  }
  return tables;
}

async function copyFolder(
  from: string,
  into: string,
  part: string,
): Promise<{ included: boolean; files: TFileEntry[] }> {
  const included = (await stat(from).catch(() => undefined))?.isDirectory() ?? false;
  return { included, files: included ? await copyTree(from, path.join(into, part), part) : [] };
}

/** Renames the finished snapshot to its final name (a second one in the same second gets `-2`). */
async function publish(
  partial: string,
  backupDir: string,
  now: Date,
  kind: TSnapshotKind,
): Promise<string> {
  await flushToDisk(partial);
  for (let attempt = 1; ; attempt++) {
    const dir = path.join(backupDir, snapshotName(now, kind, attempt));
    try {
      await rename(partial, dir);
      await flushToDisk(backupDir);
      return dir;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== "ENOTEMPTY" && code !== "EEXIST") || attempt >= 100) throw error;
    }
  }
}
