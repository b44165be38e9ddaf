/**
 * Whom an erasure is about: a mainland mobile number, written any way the public forms accept it
 * (`+86 139-1111-2222` is `13911112222`, the contract's own normalisation), or an email address,
 * compared without regard to case (what people mean by "the same address").
 */
import { normalizePhone, PHONE, type TLocale } from "@beian/contract";

export type TPerson = { kind: "phone"; phone: string } | { kind: "email"; email: string };

export const PERSON_KINDS = ["phone", "email"] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const PERSON_INVALID: Record<TLocale, string> = {
  "zh-CN": "请输入中国大陆手机号或邮箱地址",
  en: "Enter a mainland mobile number or an email address",
};

export function personOf(input: unknown): TPerson | null {
  if (typeof input !== "string") return null;
  const text = input.trim();
  if (text.length === 0 || text.length > 254) return null;
  const phone = normalizePhone(text);
  if (PHONE.test(phone)) return { kind: "phone", phone };
  return EMAIL.test(text) ? { kind: "email", email: text.toLowerCase() } : null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether a text names this person: the number not inside a longer number, the address not inside
 * a longer address (`fred.zed@…` is not `zed@…`).
 */
export function mentions(person: TPerson, text: string | null | undefined): boolean {
  if (!text) return false;
  const pattern =
    person.kind === "phone"
      ? new RegExp(`(?<!\\d)${person.phone}(?!\\d)`)
      : new RegExp(
          `(?<![\\w.!#$%&'*+/=?^\`{|}~-])${escapeRegExp(person.email)}(?![\\w.-]*\\w)`,
          "i",
        );
  return pattern.test(text);
}

/** Whether a stored address is this person's. */
export const isAddressOf = (person: TPerson, address: string | null | undefined): boolean =>
  person.kind === "email" && address?.trim().toLowerCase() === person.email;
