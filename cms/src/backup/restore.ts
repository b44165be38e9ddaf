/**
 * Puts a snapshot back into a stopped stack: the database file at `DATABASE_URI`, the media in
 * `MEDIA_DIR`, the materials in `MATERIALS_DIR`. In order:
 *   1. the snapshot is checked: its manifest, every file's SHA-256, SQLite's integrity check, and
 *      that this version knows every migration its schema has had;
 *   2. refused while a process uses the database (the CMS, a jobs worker, a backup: `inUse.ts`),
 *      which is then kept from starting until the restore is done;
 *   3. refused when there is data to overwrite, unless `force`;
 *   4. everything is copied beside its target first, then swapped in by renames; what was there
 *      is set aside as `<name>.before-restore-<China time>`, never deleted.
 * Nothing in the target changes before the last check has passed.
 */
import { constants } from "node:fs";
import { copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { filesUnder, flushToDisk } from "./files.ts";
import { takeFromUse } from "./inUse.ts";
import {
  DATABASE_FILE,
  MATERIALS_PART,
  MEDIA_PART,
  readManifest,
  SnapshotDamaged,
  type TManifest,
  verifyFiles,
} from "./manifest.ts";
import { chinaStamp } from "./names.ts";
import { inspectSqliteFile, SQLITE_COMPANIONS } from "./sqliteFile.ts";

/** Where a snapshot goes: the stack's own paths (`databaseFile` undefined on MongoDB). */
export type TRestoreTarget = { databaseFile?: string; mediaDir: string; materialsDir: string };

export type TRestoreOptions = {
  force: boolean;
  /** The migrations this version of the CMS has (a snapshot from a newer one is refused). */
  knownMigrations: readonly string[];
  now?: Date;
};

export type TRestoreResult = { manifest: TManifest; setAside: string[] };

/** Why a restore did not start, each with the exit code `pnpm restore` ends with. */
export const RESTORE_REFUSALS = {
  snapshot_invalid: 3,
  data_exists: 4,
  database_in_use: 5,
} as const;
export type TRestoreRefusal = keyof typeof RESTORE_REFUSALS;

export class RestoreRefused extends Error {
  constructor(
    readonly reason: TRestoreRefusal,
    message: string,
  ) {
    super(message);
  }
}

export async function restoreSnapshot(
  snapshotDir: string,
  target: TRestoreTarget,
  { force, knownMigrations, now = new Date() }: TRestoreOptions,
): Promise<TRestoreResult> {
  const manifest = await checkedSnapshot(snapshotDir, target, knownMigrations);
  const release = await takeTarget(target);
  try {
    const present = await dataPresent(target);
    if (present.length && !force)
      throw new RestoreRefused(
        "data_exists",
        `there is data that restoring would replace (${present.join("; ")}); add --force to replace it (it is set aside, not deleted)`,
      );
    const setAside = await replaceWith(snapshotDir, manifest, target, chinaStamp(now));
    return { manifest, setAside };
  } finally {
    release();
  }
}

async function checkedSnapshot(
  dir: string,
  target: TRestoreTarget,
  knownMigrations: readonly string[],
): Promise<TManifest> {
  try {
    const manifest = await readManifest(dir);
    await verifyFiles(dir, manifest);
    if (manifest.database.kind === "mongodb") {
      if (target.databaseFile)
        throw new SnapshotDamaged(
          "this snapshot holds no database (it was taken on MongoDB, whose data mongodump keeps); DATABASE_URI here is SQLite",
        );
      return manifest;
    }
    if (!target.databaseFile)
      throw new SnapshotDamaged(
        "this snapshot holds a SQLite database, but DATABASE_URI here is MongoDB",
      );
    const { migrations } = inspectSqliteFile(path.join(dir, DATABASE_FILE));
    // "dev" marks a schema-pushed development database (pnpm dev): no migration to know.
    const unknown = migrations.filter((name) => name !== "dev" && !knownMigrations.includes(name));
    if (unknown.length)
      throw new SnapshotDamaged(
        `the snapshot's database has migrations this version does not know (${unknown.join(", ")}): restore it with the version that made it`,
      );
    return manifest;
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused("snapshot_invalid", (error as Error).message);
  }
}

/** Keeps every other process off the database until the returned function is called. */
async function takeTarget(target: TRestoreTarget): Promise<() => void> {
  const file = target.databaseFile;
  if (!file) return () => {};
  await mkdir(path.dirname(file), { recursive: true });
  const release = takeFromUse(file);
  if (!release)
    throw new RestoreRefused(
      "database_in_use",
      `${file} is in use (the CMS, a jobs worker or a backup is running on it): stop the stack (Ctrl-C in pnpm start) and try again`,
    );
  return release;
}

/** What restoring would replace, in words. */
async function dataPresent(target: TRestoreTarget): Promise<string[]> {
  const present: string[] = [];
  const file = target.databaseFile;
  if (file && ((await stat(file).catch(() => undefined))?.size ?? 0) > 0)
    present.push(`the database ${file}`);
  for (const dir of [target.mediaDir, target.materialsDir]) {
    const files = (await filesUnder(dir)).length;
    if (files) present.push(`${files} file(s) in ${dir}`);
  }
  return present;
}

type TStaged = { from: string; to: string; companions: readonly string[] };

/** Copies everything beside its target first, then swaps it in; returns what was set aside. */
async function replaceWith(
  dir: string,
  manifest: TManifest,
  target: TRestoreTarget,
  stamp: string,
): Promise<string[]> {
  const staged = await stage(dir, manifest, target);
  try {
    const setAside: string[] = [];
    for (const { from, to, companions } of staged)
      setAside.push(...(await swapIn(from, to, companions, stamp)));
    return setAside;
  } finally {
    for (const { from } of staged) await rm(from, { recursive: true, force: true });
  }
}

/** Copies the snapshot's parts beside their targets (same disk, so each swap is one rename). */
async function stage(dir: string, manifest: TManifest, target: TRestoreTarget): Promise<TStaged[]> {
  const staged: TStaged[] = [];
  const suffix = `.restoring-${process.pid}`;
  try {
    for (const [part, to] of [
      [MEDIA_PART, target.mediaDir],
      [MATERIALS_PART, target.materialsDir],
    ] as const) {
      const from = `${to}${suffix}`;
      staged.push({ from, to, companions: [] });
      await rm(from, { recursive: true, force: true });
      await mkdir(from, { recursive: true });
      for (const entry of manifest.files.filter((file) => file.path.startsWith(`${part}/`))) {
        const relative = entry.path.slice(part.length + 1).split("/");
        await copyInto(path.join(dir, ...entry.path.split("/")), path.join(from, ...relative));
      }
    }
    if (manifest.database.kind === "sqlite" && target.databaseFile) {
      const from = `${target.databaseFile}${suffix}`;
      staged.push({ from, to: target.databaseFile, companions: SQLITE_COMPANIONS });
      await rm(from, { force: true });
      await copyInto(path.join(dir, DATABASE_FILE), from);
    }
    return staged;
  } catch (error) {
    for (const { from } of staged) await rm(from, { recursive: true, force: true });
    throw error;
  }
}

async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to, constants.COPYFILE_EXCL);
  await flushToDisk(to);
}

/**
 * Sets aside what is at `to` (a database with its WAL and shared-memory files, which belong to it
 * and must never meet another database) and renames `from` into its place.
 */
async function swapIn(
  from: string,
  to: string,
  companions: readonly string[],
  stamp: string,
): Promise<string[]> {
  const aside = await freeName(`${to}.before-restore-${stamp}`);
  const setAside: string[] = [];
  for (const suffix of ["", ...companions]) {
    try {
      await rename(`${to}${suffix}`, `${aside}${suffix}`);
      setAside.push(`${aside}${suffix}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  await rename(from, to);
  await flushToDisk(path.dirname(to));
  return setAside;
}

/** `name`, or `name-2`, `name-3`… when a restore in the same second already set something aside. */
async function freeName(name: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? name : `${name}-${attempt}`;
    if (!(await stat(candidate).catch(() => undefined))) return candidate;
  }
}
