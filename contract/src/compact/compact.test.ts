/**
 * The widget's compact validator accepts and refuses exactly what the CMS does: on arbitrary
 * JSON-like values, on near-valid payloads mutated around every rule, and on the hostile corpus,
 * compactValidateLead/Order answer exactly as the zod schemas the CMS runs (payloadErrorCodes over
 * ZLead/ZOrder, what validateLead/validateOrder localise): same ok, same data, same codes per path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FILING_TYPE_SLUGS, PROVINCE_CODES } from "../keys.ts";
import { validateLead, ZLead } from "../lead.ts";
import { validateOrder, ZOrder } from "../order.ts";
import { MAX_LENGTH } from "../rules.ts";
import { INVALID_EMAILS, VALID_EMAILS } from "../testing/emailSamples.ts";
import {
  HOSTILE_LEAD_BODIES,
  HOSTILE_ORDER_BODIES,
  LEAD_PATHS,
  ORDER_PATHS,
  VALID_LEAD,
  VALID_ORDER,
} from "../testing/hostileInputs.ts";
import { fieldMessages, payloadErrorCodes } from "../validation.ts";
import { compactValidateLead, compactValidateOrder } from "./index.ts";

/** Fixed seed: a failure is reproducible; fast-check prints the shrunk counterexample. */
const RUNS = { seed: 20261201, numRuns: 5_000 };
/** Generous: the machine may be shared; the runs take ~1 s alone. */
const PROPERTY_TIMEOUT_MS = 30_000;

const PAYLOADS = {
  lead: { schema: ZLead, compact: compactValidateLead, valid: VALID_LEAD },
  order: { schema: ZOrder, compact: compactValidateOrder, valid: VALID_ORDER },
} as const;

function expectSameAnswer(kind: keyof typeof PAYLOADS, input: unknown): void {
  const { schema, compact } = PAYLOADS[kind];
  // toStrictEqual: a key kept as undefined (a blank optional field) must be kept by both.
  expect(compact(input)).toStrictEqual(payloadErrorCodes(schema, input));
}

const WHITESPACE = [" ", "\t", "\n", "\r\n", "\u3000", "\u00a0", "\ufeff", "\u200b", "\u2028"];
const pad = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom("", ...WHITESPACE), text, fc.constantFrom("", ...WHITESPACE))
    .map(([before, value, after]) => before + value + after);

/** Strings at and around every bound of the contract (±1, in one- and three-byte characters). */
const boundedText = fc
  .tuple(
    fc.constantFrom(...Object.values(MAX_LENGTH)),
    fc.integer({ min: -1, max: 1 }),
    fc.constantFrom("a", "字", " ", "1"),
  )
  .map(([max, delta, unit]) => unit.repeat(max + delta));

const digits = (length: number) =>
  fc
    .array(fc.constantFrom(..."0123456789"), { minLength: length, maxLength: length })
    .map((d) => d.join(""));
const phone = fc
  .tuple(
    fc.constantFrom("", "+86", "+86 ", "0086", "0086-", "86", "+85", "(", "+ 86"),
    fc.constantFrom("1", "2", "0"),
    fc.constantFrom("3", "5", "8", "9", "2", "1"),
    digits(9),
    fc.constantFrom("", "0", " ", "-", ")"),
  )
  .map(
    ([prefix, first, second, rest, suffix]) =>
      `${prefix}${first}${second}${rest.slice(0, 4)} ${rest.slice(4)}${suffix}`,
  );

const mixedCase = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }))
    .map(([value, upper]) =>
      [...value].map((char, i) => (upper[i % 32] ? char.toUpperCase() : char)).join(""),
    );
const email = mixedCase(
  fc.oneof(
    fc.constantFrom(...VALID_EMAILS, ...INVALID_EMAILS),
    fc.emailAddress(),
    fc
      .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
      .map(([a, b]) => `${a}@${b}.cn`),
  ),
);
const appId = mixedCase(
  fc
    .tuple(fc.constantFrom("wx", "WX", "wy", ""), fc.integer({ min: 14, max: 18 }))
    .chain(([prefix, length]) =>
      fc
        .array(fc.constantFrom(..."0123456789abcdefg"), { minLength: length, maxLength: length })
        .map((hex) => prefix + hex.join("")),
    ),
);
const keyLike = mixedCase(
  fc.oneof(
    fc.constantFrom(
      ...FILING_TYPE_SLUGS,
      ...PROVINCE_CODES,
      "direct",
      "acme",
      "yun-fan",
      "-acme",
      "a--b",
    ),
    fc.stringMatching(/^[a-z0-9-]{0,34}$/),
  ),
);

const operator = fc.constantFrom<unknown>({ $gt: "" }, { $ne: null }, { $regex: ".*" }, ["x"], []);
const wrongType = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -0, -1, 1.5, Number.NaN, Infinity, undefined),
  fc.integer(),
  fc.double(),
  operator,
);

/** A value for any field: valid-looking, near a bound, or of the wrong kind. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  pad(fc.string({ unit: "binary", maxLength: 12 })),
  pad(fc.string({ unit: "grapheme-ascii", maxLength: 12 })),
  pad(boundedText),
  pad(phone),
  pad(email),
  pad(appId),
  pad(keyLike),
  fc.constantFrom<unknown>(true, false, "true", "on", ""),
  wrongType,
  fc.jsonValue({ maxDepth: 2 }),
);

/** Keys no schema has: dropped by both, whatever their value. */
const STRAY_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "role",
  "status",
  "toString",
  "hasOwnProperty",
];

/** An own property even for `__proto__` (plain assignment would set the prototype instead). */
const setOwn = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

/** Sets `path`, or deletes it; missing (or non-object) parents become objects. */
function mutate(
  target: Record<string, unknown>,
  path: string,
  value: unknown,
  remove: boolean,
): void {
  const [head = "", ...rest] = path.split(".");
  if (rest.length === 0) {
    if (remove) delete target[head];
    else setOwn(target, head, value);
    return;
  }
  const child = target[head];
  const next =
    typeof child === "object" && child !== null && !Array.isArray(child) ? { ...child } : {};
  setOwn(target, head, next);
  mutate(next as Record<string, unknown>, rest.join("."), value, remove);
}

const mutation = (paths: readonly string[]) =>
  fc.record({
    path: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...paths) },
      fc
        .tuple(fc.constantFrom("", ...paths.map((p) => `${p}.`)), fc.constantFrom(...STRAY_KEYS))
        .map(([parent, key]) => parent + key),
    ),
    value: fieldValue,
    remove: fc.boolean(),
  });

/** A valid payload with one to five fields changed, sometimes through a partner. */
const nearValid = (kind: keyof typeof PAYLOADS, paths: readonly string[]) =>
  fc
    .tuple(
      fc.array(mutation(paths), { minLength: 1, maxLength: 5 }),
      fc.constantFrom<string | undefined>(undefined, "direct", "acme"),
      fc.constantFrom<boolean | undefined>(undefined, true, false),
    )
    .map(([changes, partner, sharing]) => {
      const body: Record<string, unknown> = structuredClone(PAYLOADS[kind].valid);
      if (partner) body.partner = partner;
      if (sharing !== undefined) body.consent = { privacy: true, sharing };
      for (const { path, value, remove } of changes) mutate(body, path, value, remove);
      return body;
    });

describe.each(["lead", "order"] as const)("compactValidate of the %s", (kind) => {
  const paths = kind === "lead" ? LEAD_PATHS : ORDER_PATHS;

  it(
    "answers arbitrary JSON-like values exactly as the CMS's schema",
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.object()), (input) =>
          expectSameAnswer(kind, input),
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "answers near-valid payloads exactly as the CMS's schema",
    () => {
      let accepted = 0;
      fc.assert(
        fc.property(nearValid(kind, paths), (input) => {
          expectSameAnswer(kind, input);
          if (PAYLOADS[kind].compact(input).ok) accepted += 1;
        }),
        RUNS,
      );
      // Both sides of the line are exercised, not only refusals.
      expect(accepted).toBeGreaterThan(RUNS.numRuns / 20);
      expect(accepted).toBeLessThan(RUNS.numRuns * 0.95);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("answers the hostile corpus exactly as the CMS's schema", () => {
    const bodies = kind === "lead" ? HOSTILE_LEAD_BODIES : HOSTILE_ORDER_BODIES;
    expect(bodies.length).toBeGreaterThan(300);
    for (const body of bodies) expectSameAnswer(kind, JSON.parse(body));
  });
});

describe("the compact validator's answers as the widget shows them", () => {
  it("carry the messages validateLead/validateOrder give, in both languages", () => {
    const lead = { name: " ", phone: "123", email: "a..b@qq.com", consent: { privacy: false } };
    for (const locale of ["zh-CN", "en"] as const) {
      const compact = compactValidateLead(lead);
      expect(!compact.ok && fieldMessages(compact.error, locale)).toEqual(
        !validateLead(lead, locale).ok && (validateLead(lead, locale) as { error: unknown }).error,
      );
      const order = compactValidateOrder({});
      expect(!order.ok && fieldMessages(order.error, locale)).toEqual(
        (validateOrder({}, locale) as { error: unknown }).error,
      );
    }
  });

  it("normalises what it accepts: trimmed, phone without +86, AppID lowercased, blanks absent", () => {
    const result = compactValidateOrder({
      ...VALID_ORDER,
      contact: { name: " 李四 ", phone: "+86 139-1234-5678", email: " " },
      miniProgram: { name: "", appId: " WX0123456789ABCDEF " },
      partner: "acme",
      consent: { privacy: true, sharing: true },
      role: "admin",
    });
    expect(result).toStrictEqual({
      ok: true,
      data: {
        filingType: "enterprise",
        contact: { name: "李四", phone: "13912345678", email: undefined },
        entity: { province: "zhejiang" },
        miniProgram: { name: undefined, appId: "wx0123456789abcdef" },
        consent: { privacy: true, sharing: true },
        partner: "acme",
      },
    });
    expect(compactValidateLead({ ...VALID_LEAD, partner: "acme" })).toEqual({
      ok: false,
      error: { "consent.sharing": "sharing_consent_required" },
    });
  });
});
