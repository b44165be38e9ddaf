import { type CollectionBeforeChangeHook, ValidationError } from "payload";
import { erasePerson } from "../../../erasure/erase.ts";
import { PERSON_INVALID, personOf } from "../../../erasure/person.ts";
import { formatChinaTime } from "../../../lib/chinaTime.ts";

export const NOT_CONFIRMED = "请先核对将要删除的数量,并勾选确认";

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
    ...(person ? [] : [{ path: "identifier", message: PERSON_INVALID["zh-CN"] }]),
    ...(confirmed === true ? [] : [{ path: "confirmed", message: NOT_CONFIRMED }]),
  ];
  if (!person || errors.length) throw new ValidationError({ collection: "erasures", errors });
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
