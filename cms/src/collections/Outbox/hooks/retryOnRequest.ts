import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from "payload";
import { SEND_EMAIL_TASK } from "../../../email/outbox.ts";
import { invalidFields } from "../../../lib/fieldErrors.ts";
import { SEND_SMS_TASK } from "../../../sms/outbox.ts";

export const OUTBOX_STATE_FIELD_LABEL = { zh: "状态", en: "State" };

const ONLY_RETRY = {
  zh: "只能把「发送失败」或「未发送」的消息改为「待发送」",
  en: "Only a failed or unsent message can be set back to Queued",
};

const RETRYABLE_FROM = ["failed", "not_sent_no_key", "not_sent_no_template"];

/**
 * An admin sends an email again by setting its state to "queued" (after fixing the key, or the
 * address). Any other change of state by a person is refused: the job owns the states.
 */
const validate: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== "update" || !req.user) return data;
  const from = originalDoc?.state;
  if (data.state === undefined || data.state === from) return data;
  if (data.state !== "queued" || !RETRYABLE_FROM.includes(from)) {
    throw invalidFields(req, { collection: "outbox" }, [
      { path: "state", label: OUTBOX_STATE_FIELD_LABEL, message: ONLY_RETRY },
    ]);
  }
  // A new round of attempts, with the same idempotency key: Resend still sends it only once.
  data.attempts = 0;
  return data;
};

const queue: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== "update" || !req.user) return doc;
  if (doc.state === "queued" && RETRYABLE_FROM.includes(previousDoc?.state)) {
    await req.payload.jobs.queue({
      // A text message is sent by its own task (src/sms/sendSmsTask.ts).
      task: doc.channel === "sms" ? SEND_SMS_TASK : SEND_EMAIL_TASK,
      input: { outboxId: String(doc.id) },
      req,
    });
  }
  return doc;
};

export const retryOnRequest = { validate, queue };
