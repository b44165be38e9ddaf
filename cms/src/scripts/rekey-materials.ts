/**
 * `pnpm --filter @beian/cms materials:rekey`: seals every customer document that an earlier key
 * sealed again under MATERIALS_ENCRYPTION_KEY (the earlier keys in MATERIALS_PREVIOUS_KEYS), then
 * prints how many. Safe to run again; run it with the stack's own environment.
 */
import { createLocalReq, getPayload } from "payload";
import { buildBeianConfig } from "../config.ts";
import { env } from "../env.ts";
import { keyringOf } from "../materials/encryption.ts";
import { rekeyDocuments } from "../materials/rekey.ts";

const settings = env();
const payload = await getPayload({
  config: buildBeianConfig({ ...settings, JOBS_AUTORUN: false }),
});
try {
  const keyring = keyringOf(settings.MATERIALS_ENCRYPTION_KEY, settings.MATERIALS_PREVIOUS_KEYS);
  const rekeyed = await rekeyDocuments(await createLocalReq({}, payload), keyring);
  process.stdout.write(
    `materials: ${rekeyed} document(s) sealed again under key ${keyring.current.id}\n`,
  );
} finally {
  await payload.destroy();
}
