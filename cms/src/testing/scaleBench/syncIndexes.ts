/**
 * For the scale bench: gives the bench's throwaway database the indexes the collections' config
 * declares, when the committed migration does not have them yet (an index added to a collection
 * reaches real databases with the next regenerated migration; until then the bench would measure
 * the old schema). Uses the adapter's own schema diff (drizzle-kit's push through
 * `payload.db.requireDrizzleKit()`), and refuses anything but new indexes: a diff that would touch
 * a table or lose data means the migration and the config disagree beyond indexes, which is not
 * the bench's to settle. Prints `indexes: <json list of statements applied>` and exits.
 */
import { getPayload } from "payload";
import config from "../../payload.config.ts";

type TPush = (
  schema: unknown,
  drizzle: unknown,
) => Promise<{
  apply: () => Promise<void>;
  hasDataLoss: boolean;
  warnings: string[];
  statementsToExecute: string[];
}>;

const payload = await getPayload({ config });
const db = payload.db as unknown as {
  requireDrizzleKit: () => { pushSchema: TPush };
  schema: unknown;
  drizzle: unknown;
};
const { apply, hasDataLoss, warnings, statementsToExecute } = await db
  .requireDrizzleKit()
  .pushSchema(db.schema, db.drizzle);
const notAnIndex = statementsToExecute.filter(
  (statement) => !/^CREATE (UNIQUE )?INDEX/i.test(statement.trim()),
);
if (hasDataLoss || warnings.length || notAnIndex.length) {
  throw new Error(`the schema differs beyond indexes:\n${[...warnings, ...notAnIndex].join("\n")}`);
}
if (statementsToExecute.length) await apply();
process.stdout.write(`indexes: ${JSON.stringify(statementsToExecute)}\n`);
await payload.destroy();
process.exit(0);
