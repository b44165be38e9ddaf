import type { CollectionBeforeChangeHook } from "payload";
import { erasePerson } from "../../../erasure/erase.ts";
import { PERSON_INVALID, personOf } from "../../../erasure/person.ts";
import { formatChinaTime } from "../../../lib/chinaTime.ts";
import { invalidFields } from "../../../lib/fieldErrors.ts";

const PERSON_INVALID_BY_LANGUAGE = { zh: PERSON_INVALID["zh-CN"], en: PERSON_INVALID.en };

export const NOT_CONFIRMED = {
  zh: "请先核对将要删除的数量,并勾选确认",
  en: "Check what will be erased first, then tick to confirm",
};
const IDENTIFIER_LABEL = { zh: "手机号或邮箱", en: "Phone number or email address" };
const CONFIRMED_LABEL = { zh: "确认删除", en: "Confirmation" };

/**
 * Creating an erasure record is the erasure: the person named by `identifier` is erased with the
 * request that writes the record, so both commit together or neither does. The record keeps who,
 * when, by what kind of identifier and how much went — never the identifier itself, not even
 * hashed: a hash of an 11-digit phone number is reversed by trying them all, and the record needs
 * no way to recognise the person again.
 */
export const eraseRequestedPerson: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== "create") return data;
  const { identifier, confirmed, ...record } = data;
  const person = personOf(identifier);
  const errors = [
    ...(person
      ? []
      : [{ path: "identifier", label: IDENTIFIER_LABEL, message: PERSON_INVALID_BY_LANGUAGE }]),
    ...(confirmed === true
      ? []
      : [{ path: "confirmed", label: CONFIRMED_LABEL, message: NOT_CONFIRMED }]),
  ];
  if (!person || errors.length) throw invalidFields(req, { collection: "erasures" }, errors);
  const erased = await erasePerson(req, person);
  const now = new Date();
  return {
    ...record,
    ...erased,
    kind: person.kind,
    by: req.user?.id ?? null,
    byEmail: req.user?.email ?? null,
    erasedAt: formatChinaTime(now),
    createdAt: now.toISOString(),
  };
};
