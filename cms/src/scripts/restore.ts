/**
 * `pnpm restore <snapshot> [--force]` (CONTRACT §1): puts a snapshot made by `pnpm backup` or the
 * nightly backup back into this (stopped) stack — DATABASE_URI's file, MEDIA_DIR, MATERIALS_DIR.
 * See `backup/restore.ts` for the checks. Exit codes: 0 restored, 1 failed, 2 wrong usage,
 * 3 not a usable snapshot, 4 there is data and no --force, 5 the database is in use.
 */
import path from "node:path";
import { committedMigrationNames } from "../backup/migrationNames.ts";
import { RESTORE_REFUSALS, RestoreRefused, restoreSnapshot } from "../backup/restore.ts";
import { sqliteFilePath } from "../backup/sqliteFile.ts";
import { databaseKind, env } from "../env.ts";

const USAGE = "usage: pnpm restore <snapshot folder> [--force]";
const write = (line: string) => process.stderr.write(`[restore] ${line}\n`);

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const force = args.includes("--force");
const paths = args.filter((arg) => arg !== "--force");
if (paths.length !== 1 || paths[0]?.startsWith("-")) {
  write(USAGE);
  process.exit(2);
}
// `pnpm restore` runs this in cms/ (as the CMS runs, so a relative DATABASE_URI means the same
// file); a relative snapshot path means one from where the command was typed, which pnpm passes.
const snapshot = path.resolve(process.env.INIT_CWD ?? process.cwd(), paths[0] ?? "");

const settings = env();
const sqlite = databaseKind(settings.DATABASE_URI) === "sqlite";
const target = {
  databaseFile: sqlite ? sqliteFilePath(settings.DATABASE_URI) : undefined,
  mediaDir: path.resolve(settings.MEDIA_DIR),
  materialsDir: path.resolve(settings.MATERIALS_DIR),
};
try {
  write(`checking ${snapshot}…`);
  const { manifest, setAside } = await restoreSnapshot(snapshot, target, {
    force,
    knownMigrations: committedMigrationNames(),
  });
  const counts = manifest.database.kind === "sqlite" ? manifest.database.counts : {};
  write(`restored the ${manifest.kind} snapshot of ${manifest.chinaTime} (China time):`);
  if (target.databaseFile)
    write(
      `  database  ${target.databaseFile} (${counts.leads ?? 0} lead(s), ${counts.orders ?? 0} order(s))`,
    );
  write(`  media     ${target.mediaDir} (${manifest.media.files} file(s))`);
  write(`  materials ${target.materialsDir} (${manifest.materials.files} file(s))`);
  for (const aside of setAside)
    write(`  set aside ${aside} (delete it once the restore is checked)`);
  if (!sqlite)
    write("the database is not in this snapshot: restore it with mongorestore (README) first.");
  write("start the stack with pnpm start (it applies any newer migrations).");
} catch (error) {
  if (error instanceof RestoreRefused) {
    write(`refused: ${error.message}`);
    process.exit(RESTORE_REFUSALS[error.reason]);
  }
  write(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
process.exit(0);
