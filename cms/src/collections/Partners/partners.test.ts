/**
 * Partners on a real, seeded SQLite database: a partner's website is an http(s) address, never
 * `javascript:` or another scheme a visitor's browser would run or hand to another program.
 */
import { ValidationError } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Partner } from "../../payload-types.ts";
import { seed } from "../../seed/index.ts";
import { createTestPayload, type TTestPayload } from "../../testing/payload.ts";

let t: TTestPayload;
let partnerId: Partner["id"];

beforeAll(async () => {
  t = await createTestPayload();
  await seed(t.payload, t.env);
  const { docs } = await t.payload.find({ collection: "partners", limit: 1 });
  if (!docs[0]) throw new Error("the seed made no partner");
  partnerId = docs[0].id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const setWebsite = (website: string) =>
  t.payload.update({ collection: "partners", id: partnerId, data: { website } });

describe("a partner's website", () => {
  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", "//evil.example", "/\\evil.example"])(
    "refuses %j, naming the field",
    async (website) => {
      const refused = await setWebsite(website).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(refused).toMatchObject({ data: { errors: [{ path: "website" }] } });
    },
  );

  it("accepts an https address", async () => {
    const saved = await setWebsite("https://cloud.example.com/");
    expect(saved.website).toBe("https://cloud.example.com/");
  });
});
