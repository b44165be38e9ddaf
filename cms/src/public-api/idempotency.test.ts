/**
 * Which failures mean "a concurrent request with the same Idempotency-Key got there first" (and
 * are answered with that request's answer). MongoDB cannot run here, so its driver's own error
 * class stands in for the server's answer.
 */
import { createRequire } from "node:module";
import { ValidationError } from "payload";
import { expect, it } from "vitest";
import { isConcurrentDuplicate } from "./idempotency.ts";

// The MongoDB driver Payload's adapter uses, resolved from the adapter itself.
const fromAdapter = createRequire(createRequire(import.meta.url).resolve("@payloadcms/db-mongodb"));
const { MongoServerError } = fromAdapter("mongodb") as {
  MongoServerError: new (fields: Record<string, unknown>) => Error;
};

it("recognises a duplicate key on SQLite and a write conflict on MongoDB, and nothing else", () => {
  const onScope = new ValidationError({
    collection: "idempotency-keys",
    errors: [{ path: "scope", message: "Value must be unique" }],
  });
  const writeConflict = new MongoServerError({
    code: 112,
    errmsg: "WriteConflict error: this operation conflicted with another operation.",
    errorLabels: ["TransientTransactionError"],
  });
  const duplicateKey = new MongoServerError({ code: 11000, errmsg: "E11000 duplicate key" });
  expect(isConcurrentDuplicate(onScope)).toBe(true);
  expect(isConcurrentDuplicate(writeConflict)).toBe(true);
  expect(isConcurrentDuplicate(new Error("wrapped", { cause: writeConflict }))).toBe(true);
  expect(isConcurrentDuplicate(duplicateKey)).toBe(true);

  const otherField = new ValidationError({
    collection: "leads",
    errors: [{ path: "email", message: "invalid" }],
  });
  expect(isConcurrentDuplicate(otherField)).toBe(false);
  expect(isConcurrentDuplicate(new MongoServerError({ code: 2, errmsg: "BadValue" }))).toBe(false);
  expect(isConcurrentDuplicate(new Error("disk full"))).toBe(false);
});
