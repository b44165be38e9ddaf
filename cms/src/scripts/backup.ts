/**
 * `pnpm backup` (CONTRACT §1): a snapshot of the running or stopped stack into BACKUP_DIR —
 * the SQLite database (read through Payload, by SQLite's `VACUUM INTO`), the media and the
 * customers' materials — and prints the snapshot's path. With MongoDB the snapshot holds the files
 * only, and says so: the database is backed up with mongodump (README, "Backup and restore"). With
 * S3_* set the uploaded files are in the bucket, not in the snapshot, and it says that too.
 */
import { existsSync } from "node:fs";
import { type Config, getPayload, type Payload, type SanitizedConfig } from "payload";
import { takeSnapshot } from "../backup/snapshot.ts";
import { sqliteFilePath } from "../backup/sqliteFile.ts";
import { buildBeianConfig } from "../config.ts";
import { databaseKind, env, type TEnv } from "../env.ts";
import { objectStoreBackupNotice } from "../storage/objectStore.ts";

/**
 * A Payload that only reads, beside a CMS that may be running: no job runner, no schema push and
 * no migrations on connect (a backup taken before an upgrade must not upgrade the live database).
 * It logs warnings only, to stderr: stdout is the snapshot's path, for scripts.
 */
async function readingPayload(settings: TEnv): Promise<Payload> {
  const config = await buildBeianConfig({
    ...settings,
    JOBS_AUTORUN: false,
    PAYLOAD_DB_PUSH: false,
  });
  const { init } = config.db;
  config.db.init = (args) => Object.assign(init(args), { prodMigrations: undefined });
  const logger: Config["logger"] = { options: { level: "warn" }, destination: process.stderr };
  // (The sanitized config's type lists every pino option as set; Payload passes these to pino.)
  config.logger = logger as SanitizedConfig["logger"];
  return getPayload({ config, key: `backup-${process.pid}` });
}

const settings = env();
const write = (line: string) => process.stderr.write(`[backup] ${line}\n`);
let payload: Payload | undefined;
try {
  if (databaseKind(settings.DATABASE_URI) === "sqlite") {
    const file = sqliteFilePath(settings.DATABASE_URI);
    if (!existsSync(file))
      throw new Error(`there is no database at ${file} (pnpm start creates it)`);
    payload = await readingPayload(settings);
  } else {
    write(
      "DATABASE_URI is MongoDB: this snapshot holds the media and materials only, NOT the database. " +
        "Back the database up with mongodump (README, Operations: backup and restore).",
    );
  }
  const bucketNotice = objectStoreBackupNotice(settings);
  if (bucketNotice) write(bucketNotice);
  const { dir, manifest } = await takeSnapshot(settings, { kind: "manual", payload });
  const counts = manifest.database.kind === "sqlite" ? manifest.database.counts : {};
  write(
    `${manifest.chinaTime} China time: database ${manifest.database.kind === "sqlite" ? `${counts.leads ?? 0} lead(s), ${counts.orders ?? 0} order(s)` : "not included (MongoDB)"}; ` +
      `${manifest.media.files} media file(s), ${manifest.materials.files} material file(s)`,
  );
  process.stdout.write(`${dir}\n`);
} catch (error) {
  write(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await payload?.destroy();
}
process.exit();
