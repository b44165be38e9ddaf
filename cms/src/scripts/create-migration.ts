/**
 * `pnpm --filter @beian/cms migrate:create <name>`: generates a SQLite migration from the config,
 * then makes the generated file pass this repo's strict TypeScript settings (type-only imports,
 * no unused parameters). Behaviour of the migration is unchanged.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const migrationsDir = path.join(cmsDir, "src", "migrations");
const name = process.argv[2];
if (!name) {
  process.stderr.write("usage: migrate:create <name>\n");
  process.exit(2);
}

const payloadBin = path.join(cmsDir, "node_modules", "payload", "bin.js");
const result = spawnSync(process.execPath, [payloadBin, "migrate:create", name], {
  cwd: cmsDir,
  stdio: "inherit",
  env: { ...process.env, PAYLOAD_DB_PUSH: "false", NODE_OPTIONS: "--no-deprecation" },
});
if (result.status !== 0) process.exit(result.status ?? 1);

for (const file of readdirSync(migrationsDir)) {
  if (!/^\d{8}_\d{6}.*\.ts$/.test(file)) continue;
  const full = path.join(migrationsDir, file);
  const source = readFileSync(full, "utf8");
  const tidy = source
    .replace(
      "import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'",
      "import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'",
    )
    .replaceAll("({ db, payload, req }: MigrateUpArgs)", "({ db }: MigrateUpArgs)")
    .replaceAll("({ db, payload, req }: MigrateDownArgs)", "({ db }: MigrateDownArgs)");
  if (tidy !== source) writeFileSync(full, tidy);
}
