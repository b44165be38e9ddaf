/**
 * For the scale bench (bench/scale.ts): writes a year of sales data into the database of
 * DATABASE_URI, prepared as `pnpm start` prepares it (migrations on connect, the seed), before
 * the CMS serves it. Sizes from YEAR_LEADS, YEAR_ORDERS, YEAR_CASES. Prints
 * `year: <json>` with what it wrote and how long it took, and exits. Run with the production
 * config, from the environment (its own process: the bench's own stays light).
 */
import { getPayload } from "payload";
import { env } from "../../env.ts";
import config from "../../payload.config.ts";
import { seed } from "../../seed/index.ts";
import { seedCases, seedLeadsAndOrders } from "./seedYear.ts";

const settings = env();
const sizes = {
  leads: Number(process.env.YEAR_LEADS ?? 100_000),
  orders: Number(process.env.YEAR_ORDERS ?? 20_000),
  cases: Number(process.env.YEAR_CASES ?? 5_000),
};
const payload = await getPayload({ config });
await seed(payload, settings);
const startedAt = performance.now();
const written = await seedLeadsAndOrders(payload, sizes, {
  progress: (line) => process.stdout.write(`year: ${line}\n`),
});
await seedCases(payload, sizes.cases);
const seconds = (performance.now() - startedAt) / 1000;
const { totalDocs: emails } = await payload.count({ collection: "outbox" });
process.stdout.write(
  `year: ${JSON.stringify({ ...written, cases: sizes.cases, emails, seconds })}\n`,
);
await payload.destroy();
process.exit(0);
