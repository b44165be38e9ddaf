/**
 * The CMS process of `pnpm start`, without Next.js, for the crash tests: they SIGKILL it and start
 * it again on the same SQLite file. Building the Next app takes minutes; this starts in seconds.
 *
 * Why it is faithful to what a crash does to the real process: it runs the repository's Payload
 * config (`payload.config.ts`, from the environment, NODE_ENV=production: the committed migrations
 * applied on connect, as the real CMS does), on a file SQLite database in WAL mode, with the job
 * cron (JOBS_AUTORUN) sending emails through Resend, and answers HTTP through Payload's own REST
 * handler (`handleEndpoints`, which the Next route calls too) behind the same front as `server.ts`
 * (client address, session writes in turn) — the test server's (`../server.ts`). So the public
 * endpoints, their transactions and idempotency keys, the outbox, the jobs and the database are
 * the production code. Like `pnpm start`, it first prepares the database (the seed, which finds
 * everything there on a restart), then serves.
 *
 * What it does not cover: Next.js itself (its routing to Payload's handler, the admin UI, its
 * request parsing), and a crash of the machine rather than the process (power loss: SQLite's WAL
 * keeps every commit through a process kill, but only fsync'd ones through a power cut).
 *
 * Prints `cms: listening on <url>` when it serves (on a free loopback port: the URL changes at
 * each start); SIGTERM stops it cleanly.
 */
import path from "node:path";
import { getPayload } from "payload";
import { env } from "../../env.ts";
import config from "../../payload.config.ts";
import { seed } from "../../seed/index.ts";
import { startTestServer } from "../server.ts";

const settings = env();
// The instance is cached under the directory of its database, as the test Payloads are
// (`createTestPayload`); the test server asks Payload's handler for it by that key.
const dir = path.dirname(settings.DATABASE_URI.replace(/^file:/, ""));
// Preparation first, as `pnpm start` does before serving: migrations (on connect) and the seed.
const payload = await getPayload({ config, key: dir });
await seed(payload, settings);
// Then the job cron, as the Next server starts it (`cron: true`) on the same instance.
await getPayload({ config, key: dir, cron: true });
const server = await startTestServer({
  payload,
  env: settings,
  dir,
  close: () => payload.destroy(),
});
process.stdout.write(`cms: listening on ${server.url}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server
      .close()
      .then(() => payload.destroy())
      .finally(() => process.exit(0));
  });
}
