/**
 * For the email bench (bench/mail.ts): prepares a database as `pnpm start` would (migrations, the
 * seed) and queues a backlog of internal emails the way the hooks do — each with its send job, in
 * transactions — before any job runner starts: BACKLOG_ORDER_ALERTS sales alerts about orders and
 * BACKLOG_LEADS new leads stored by staff (each queues its alert to sales). Prints
 * `backlog: queued N` and exits. Run with the production config, from the environment.
 */
import { getPayload } from "payload";
import { inTransaction } from "../../db/transaction.ts";
import { emailSettingsOf, queueEmail } from "../../email/outbox.ts";
import { env } from "../../env.ts";
import config from "../../payload.config.ts";
import { seed } from "../../seed/index.ts";

const settings = env();
const orderAlerts = Number(process.env.BACKLOG_ORDER_ALERTS ?? 3000);
const leads = Number(process.env.BACKLOG_LEADS ?? 2000);
const payload = await getPayload({ config });
await seed(payload, settings);
const { salesInbox } = emailSettingsOf(payload);

// Order alerts in transactions of 100, as many orders' hooks would have queued them.
for (let start = 0; start < orderAlerts; start += 100) {
  await inTransaction(payload, async (req) => {
    for (let i = start; i < Math.min(start + 100, orderAlerts); i++) {
      await queueEmail(req, {
        kind: "order_alert",
        to: salesInbox,
        content: {
          subject: `积压的新订单提醒 ${i}`,
          text: `积压的新订单提醒 ${i}`,
          html: `<p>积压的新订单提醒 ${i}</p>`,
        },
      });
    }
  });
}
// New leads one by one, each in its own transaction with its alert (the Leads hook).
for (let i = 0; i < leads; i++) {
  await payload.create({
    collection: "leads",
    data: {
      reference: `L-BENCH${String(i).padStart(5, "0")}`,
      name: `积压线索${i}`,
      phone: `1350${String(i).padStart(7, "0")}`,
      status: "new",
    },
    depth: 0,
  });
}
const { totalDocs } = await payload.count({
  collection: "outbox",
  where: { state: { equals: "queued" } },
});
process.stdout.write(`backlog: queued ${totalDocs}\n`);
await payload.destroy();
process.exit(0);
