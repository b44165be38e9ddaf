/**
 * Bodies an attacker or a broken client sends (the CMS's public API tests send the same kinds:
 * cms/src/public-api/leads.test.ts): not objects, operator objects where text belongs, prototype
 * keys, unknown keys, deep nesting, wrong types, over-long and invisible-character values. Each is
 * JSON text, parsed as the CMS parses a body, so `__proto__` arrives as an own key.
 */
import { INVALID_EMAILS, VALID_EMAILS } from "./emailSamples.ts";

export const VALID_LEAD = { name: "张三", phone: "13800138000", consent: { privacy: true } };

export const VALID_ORDER = {
  filingType: "enterprise",
  contact: { name: "李四", phone: "13912345678" },
  entity: { province: "zhejiang" },
  consent: { privacy: true },
};

/** Values put where a field's text belongs. */
const HOSTILE_VALUES: unknown[] = [
  { $gt: "" },
  { $ne: null },
  { $where: "sleep(1000)" },
  ["13800138000"],
  null,
  true,
  0,
  -1,
  1e308,
  "",
  " ",
  "\u3000",
  "\u200b",
  "\ufeff13800138000",
  "<script>alert(1)</script>",
  "'; DROP TABLE leads; --",
  "字".repeat(2001),
  `${" ".repeat(41)}13800138000`,
  "a".repeat(10_000),
  ...INVALID_EMAILS,
  ...VALID_EMAILS,
];

/**
 * Every field of the lead and of the order, and its parents: where the hostile corpus puts a
 * hostile value, and where the compact validator's property test mutates a valid body.
 */
export const LEAD_PATHS = [
  "name",
  "phone",
  "email",
  "company",
  "filingType",
  "message",
  "consent",
  "consent.privacy",
  "consent.sharing",
  "partner",
  "source",
  "source.pageUrl",
  "source.referrer",
  "source.utm",
  "source.utm.source",
  "source.utm.medium",
  "source.utm.campaign",
  "source.utm.term",
  "source.utm.content",
  "website",
  "elapsedMs",
] as const;

export const ORDER_PATHS = [
  "filingType",
  "contact",
  "contact.name",
  "contact.phone",
  "contact.email",
  "entity",
  "entity.name",
  "entity.province",
  "miniProgram",
  "miniProgram.name",
  "miniProgram.appId",
  "note",
  "consent",
  "consent.privacy",
  "consent.sharing",
  "partner",
  "source",
  "source.pageUrl",
  "source.utm.term",
  "website",
  "elapsedMs",
] as const;

function withValue(base: object, path: string, value: unknown): string {
  const copy = JSON.parse(JSON.stringify(base));
  const keys = path.split(".");
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
    target = target[key];
  }
  target[keys[keys.length - 1] as string] = value;
  return JSON.stringify(copy);
}

/** `{"__proto__": …, "constructor": …}` spliced into valid JSON (JSON.parse keeps them as own keys). */
const withPrototypeKeys = (base: object): string[] =>
  [
    '"__proto__":{"partner":"evil","name":"x","admin":true}',
    '"constructor":{"prototype":{"admin":true}}',
    '"prototype":{"admin":true}',
    '"role":"admin","status":"converted"',
  ].map((keys) => JSON.stringify(base).replace("{", `{${keys},`));

const BODIES_OF_ANY_KIND = [
  "null",
  "[]",
  '"text"',
  "12",
  "true",
  "{}",
  '{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":1}}}}}}}}',
];

/** Each as the JSON text the CMS would receive. */
export const HOSTILE_LEAD_BODIES: readonly string[] = [
  ...BODIES_OF_ANY_KIND,
  ...withPrototypeKeys(VALID_LEAD),
  ...LEAD_PATHS.flatMap((path) =>
    HOSTILE_VALUES.map((value) => withValue(VALID_LEAD, path, value)),
  ),
];

export const HOSTILE_ORDER_BODIES: readonly string[] = [
  ...BODIES_OF_ANY_KIND,
  ...withPrototypeKeys(VALID_ORDER),
  ...ORDER_PATHS.flatMap((path) =>
    HOSTILE_VALUES.map((value) => withValue(VALID_ORDER, path, value)),
  ),
];
