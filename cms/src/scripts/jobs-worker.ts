/**
 * A separate process that runs the queued jobs (emails) — for production, so that web instances
 * only serve requests: start the web instances with JOBS_AUTORUN=false and run one of these
 * (`pnpm --filter @beian/cms jobs:worker`) with the same DATABASE_URI and email settings.
 * `pnpm start` needs none: its CMS process runs the jobs itself.
 */
import { getPayload } from "payload";
import { env } from "../env.ts";
import config from "../payload.config.ts";

const settings = env();
if (!settings.JOBS_AUTORUN) {
  process.stderr.write("jobs worker: JOBS_AUTORUN=false here would run nothing; unset it\n");
  process.exit(1);
}
// `cron: true` starts Payload's job cron (JOBS_CRON), as the Next.js server does.
const payload = await getPayload({ config, cron: true });
payload.logger.info(
  `jobs worker: running queued jobs on "${settings.JOBS_CRON}"; emails ${settings.RESEND_API_KEY ? `via ${settings.RESEND_BASE_URL}` : "kept in the outbox (no RESEND_API_KEY)"}`,
);
// Payload's cron timer does not hold the process open on its own; this does, until a signal.
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    clearInterval(keepAlive);
    void payload.destroy().finally(() => process.exit(0));
  });
}
