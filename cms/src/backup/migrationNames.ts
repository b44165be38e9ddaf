/**
 * The names of the committed SQLite migrations (`src/migrations/<timestamp>_<name>.ts`, named as
 * Payload names them), read from the folder: `pnpm restore` checks a snapshot's schema against
 * them, and loading the migrations themselves would take longer than the restore.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "migrations");

export function committedMigrationNames(): string[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ""))
    .sort();
}
