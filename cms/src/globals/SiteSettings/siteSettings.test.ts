/**
 * Site settings on a real, seeded SQLite database: a navigation link must be one the site may
 * render (http(s), mailto, tel, a fragment or a path on this site); `javascript:` is refused.
 */
import { UNSAFE_LINK_MESSAGE } from "@beian/contract";
import { ValidationError } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../seed/index.ts";
import { createTestPayload, type TTestPayload } from "../../testing/payload.ts";

let t: TTestPayload;

beforeAll(async () => {
  t = await createTestPayload();
  await seed(t.payload, t.env);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const publishNavigation = (href: string) =>
  t.payload.updateGlobal({
    slug: "site-settings",
    data: { navigation: [{ label: "备案指引", href }], _status: "published" },
  });

describe("site settings navigation links", () => {
  it.each(["javascript:alert(1)", " JAVASCRIPT:alert(1)", "//evil.example/guide/"])(
    "refuses %j, naming the field",
    async (href) => {
      const refused = await publishNavigation(href).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(refused).toMatchObject({
        data: { errors: [{ path: "navigation.0.href", message: UNSAFE_LINK_MESSAGE }] },
      });
    },
  );

  it.each(["/guide/", "https://beian.example/guide/", "#materials"])("accepts %j", async (href) => {
    const saved = await publishNavigation(href);
    expect(saved.navigation?.[0]?.href).toBe(href);
  });
});
