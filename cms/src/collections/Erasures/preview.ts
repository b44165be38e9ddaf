/**
 * `POST /api/erasures/preview` `{ identifier }` → `200 { leads, orders, emails }`: how much an
 * erasure of that phone number or address would delete now, deleting nothing. Admins only (401 /
 * 403), 400 with a message for `identifier` when it is neither. A POST, not a GET: the phone
 * number stays out of URLs and so out of access logs.
 */
import type { Endpoint } from "payload";
import { hasRole } from "../../access/index.ts";
import { answer } from "../../endpoints/answer.ts";
import { readBody } from "../../endpoints/body.ts";
import { localeOf, Refusal } from "../../endpoints/refusal.ts";
import { previewErasure } from "../../erasure/erase.ts";
import { PERSON_INVALID, personOf } from "../../erasure/person.ts";

export const ONLY_ADMINS = {
  "zh-CN": "只有管理员可以删除个人信息",
  en: "Only admins erase personal data",
} as const;

export const previewErasureEndpoint: Endpoint = {
  path: "/preview",
  method: "post",
  handler: answer({ name: "erasure preview" }, async (req) => {
    if (!req.user) throw new Refusal("unauthorized");
    if (!hasRole(req, "admin")) throw new Refusal("forbidden", { says: ONLY_ADMINS });
    const body = (await readBody(req)).data as { identifier?: unknown } | null;
    const person = personOf(body?.identifier);
    if (!person) {
      throw new Refusal("validation_failed", {
        fields: { identifier: PERSON_INVALID[localeOf(req)] },
      });
    }
    const counts = await previewErasure(req, person);
    return Response.json(counts, { headers: { "Cache-Control": "no-store" } });
  }),
};
