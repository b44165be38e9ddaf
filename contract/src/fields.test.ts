import { describe, expect, it } from "vitest";
import { normalizePhone } from "./fields.ts";

describe("phone field", () => {
  it("normalises +86, 0086, spaces and dashes", () => {
    expect(normalizePhone("+86 139 1234 5678")).toBe("13912345678");
    expect(normalizePhone("0086-139-1234-5678")).toBe("13912345678");
    expect(normalizePhone("(139) 1234 5678")).toBe("13912345678");
  });
});
