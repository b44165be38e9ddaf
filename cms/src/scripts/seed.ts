/** Seeds the configured database (see seed/index.ts): `pnpm --filter @beian/cms seed`. */
import { getPayload } from "payload";
import { env } from "../env.ts";
import config from "../payload.config.ts";
import { formatSeedReport, seed } from "../seed/index.ts";

const payload = await getPayload({ config });
try {
  payload.logger.info(formatSeedReport(await seed(payload, env())));
} finally {
  await payload.destroy();
}
process.exit(0);
