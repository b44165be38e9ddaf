import { expect, it } from "vitest";
import { formatChinaTime } from "./chinaTime.ts";

it("formats an instant in China time, as the admin shows dates", () => {
  expect(formatChinaTime("2026-11-27T10:00:00Z")).toBe("2026-11-27 18:00");
  // Past 16:00 UTC it is already tomorrow in China (and next year on New Year's Eve).
  expect(formatChinaTime(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01 00:30");
});
