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
// Payload starts its job cron (JOBS_CRON) when it initialises with autoRun configured.
const payload = await getPayload({ config });
payload.logger.info(
  `jobs worker: running queued jobs on "${settings.JOBS_CRON}"; emails ${settings.RESEND_API_KEY ? `via ${settings.RESEND_BASE_URL}` : "kept in the outbox (no RESEND_API_KEY)"}`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void payload.destroy().finally(() => process.exit(0));
  });
}
