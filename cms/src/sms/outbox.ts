/**
 * Queueing a text message: an `outbox` document of channel `sms` (phone, template code, the
 * parameters as sent and the wording filled in, for staff to read) and a `sendSms` job, both
 * written with the caller's `req` — inside the transaction of what caused them (a stage change,
 * a sign-in request), so all of it commits or none of it does. Sending happens in the job.
 */
import { randomUUID } from "node:crypto";
import type { PayloadRequest } from "payload";
import { emailSettingsOf } from "../email/outbox.ts";
import { SMS_TEMPLATES_SLUG } from "../globals/SmsTemplates/index.ts";
import {
  renderSms,
  SMS_KIND_LABELS,
  suggestedWording,
  TEMPLATE_FIELDS,
  type TSmsKind,
  type TSmsParams,
} from "./templates.ts";

export const SEND_SMS_TASK = "sendSms";

/** Set from the environment in config.ts (`custom.sms`). */
export type TSmsQueueSettings = { loginTemplate: string };

function loginTemplateOf(req: PayloadRequest): string {
  const settings = (req.payload.config.custom as { sms?: TSmsQueueSettings } | undefined)?.sms;
  if (!settings) throw new Error("config.custom.sms is not set (see config.ts)");
  return settings.loginTemplate;
}

/** The customer center every message points to. */
export const customerCenterUrl = (req: PayloadRequest) =>
  `${emailSettingsOf(req.payload).siteUrl.replace(/\/$/, "")}/my/`;

export type TSmsTemplate = { code: string | null; wording: string };

/** The kind's template now: the login code's from the environment, the others from 短信模板. */
export async function templateOf(req: PayloadRequest, kind: TSmsKind): Promise<TSmsTemplate> {
  const suggested = suggestedWording(kind, customerCenterUrl(req));
  if (kind === "sms_login_code") return { code: loginTemplateOf(req), wording: suggested };
  const templates = (await req.payload.findGlobal({
    slug: SMS_TEMPLATES_SLUG,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as Record<string, { code?: string | null; wording?: string | null } | undefined>;
  const set = templates[TEMPLATE_FIELDS[kind]];
  return { code: set?.code?.trim() || null, wording: set?.wording?.trim() || suggested };
}

export type TQueuedSms<K extends TSmsKind> = {
  kind: K;
  phone: string;
  params: TSmsParams<K>;
  order?: number;
  /** What the list shows as its title, e.g. the order number. */
  about?: string;
};

export async function queueSms<K extends TSmsKind>(
  req: PayloadRequest,
  sms: TQueuedSms<K>,
): Promise<void> {
  const template = await templateOf(req, sms.kind);
  const params = sms.params as Record<string, string>;
  const doc = await req.payload.create({
    collection: "outbox",
    data: {
      channel: "sms",
      kind: sms.kind,
      state: "queued",
      to: sms.phone,
      phone: sms.phone,
      subject: `${SMS_KIND_LABELS[sms.kind]}${sms.about ? ` · ${sms.about}` : ""}`,
      templateCode: template.code,
      templateParam: JSON.stringify(params),
      smsText: renderSms(template.wording, params),
      idempotencyKey: `beian-sms-${randomUUID()}`,
      attempts: 0,
      order: sms.order ?? null,
    },
    overrideAccess: true,
    depth: 0,
    req,
  });
  await req.payload.jobs.queue({ task: SEND_SMS_TASK, input: { outboxId: String(doc.id) }, req });
}

/**
 * The sign-in code by SMS (CONTRACT §7: template SMS_TEMPLATE_LOGIN, param `code`), queued in the
 * caller's transaction. For the sign-in endpoint: it stores the code's hash with `req` and calls
 * this; the message is readable by admins only, and its code is masked once it is sent or given
 * up on (`sendSmsTask.ts`).
 */
export function queueLoginCode(req: PayloadRequest, phone: string, code: string): Promise<void> {
  return queueSms(req, { kind: "sms_login_code", phone, params: { code } });
}
