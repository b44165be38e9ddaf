/**
 * Runs after `payload migrate:create`: makes the generated files pass this repo's strict
 * TypeScript settings (type-only imports, no unused parameters). Behaviour is unchanged.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "migrations");
for (const name of readdirSync(dir)) {
  if (!/^\d{8}_\d{6}_.+\.ts$/.test(name)) continue;
  const file = path.join(dir, name);
  const source = readFileSync(file, "utf8");
  const tidy = source
    .replace(
      "import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'",
      "import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'",
    )
    .replaceAll("({ db, payload, req }: MigrateUpArgs)", "({ db }: MigrateUpArgs)")
    .replaceAll("({ db, payload, req }: MigrateDownArgs)", "({ db }: MigrateDownArgs)");
  if (tidy !== source) writeFileSync(file, tidy);
}
