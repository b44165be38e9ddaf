/**
 * Brings the database up to date and seeds it: applies the committed migrations (SQLite), then
 * loads the client's content on first run. `pnpm start` runs it before serving; safe to repeat.
 */
import { getPayload } from "payload";
import { committedMigrations } from "../db/migrations.ts";
import { databaseKind, env } from "../env.ts";
import config from "../payload.config.ts";
import { formatSeedReport, seed } from "../seed/index.ts";

const settings = env();
const payload = await getPayload({ config });
try {
  if (databaseKind(settings.DATABASE_URI) === "sqlite" && !settings.PAYLOAD_DB_PUSH) {
    await payload.db.migrate({ migrations: committedMigrations });
  }
  payload.logger.info(formatSeedReport(await seed(payload, settings)));
} finally {
  await payload.destroy();
}
process.exit(0);
