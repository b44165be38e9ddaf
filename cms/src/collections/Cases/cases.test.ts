/**
 * Cases on a real, seeded SQLite database: a case's mini-program link must be one the site may
 * render (http(s), mailto, tel, a fragment or a path on this site); `javascript:` is refused.
 */
import { UNSAFE_LINK_MESSAGE } from "@beian/contract";
import { ValidationError } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Case } from "../../payload-types.ts";
import { seed } from "../../seed/index.ts";
import { createTestPayload, type TTestPayload } from "../../testing/payload.ts";

let t: TTestPayload;
let caseId: Case["id"];

beforeAll(async () => {
  t = await createTestPayload();
  await seed(t.payload, t.env);
  const { docs } = await t.payload.find({ collection: "cases", limit: 1 });
  if (!docs[0]) throw new Error("the seed made no case");
  caseId = docs[0].id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const publishLink = (miniProgramLink: string) =>
  t.payload.update({
    collection: "cases",
    id: caseId,
    data: { miniProgramLink, _status: "published" },
  });

describe("a case's mini-program link", () => {
  it.each(["javascript:alert(1)", "\u0001javascript:alert(1)", "data:text/html,x"])(
    "refuses %j, naming the field",
    async (miniProgramLink) => {
      const refused = await publishLink(miniProgramLink).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(refused).toMatchObject({
        data: { errors: [{ path: "miniProgramLink", message: UNSAFE_LINK_MESSAGE }] },
      });
    },
  );

  it("accepts an https link", async () => {
    const saved = await publishLink("https://example.com/mp/xianguo");
    expect(saved.miniProgramLink).toBe("https://example.com/mp/xianguo");
  });
});
