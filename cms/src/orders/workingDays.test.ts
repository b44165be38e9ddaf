import { describe, expect, it } from "vitest";
import { canMove } from "./stages.ts";
import { addWorkingDays, deadlineFrom } from "./workingDays.ts";

// 2026-11-27 is a Friday; 10:00 in Beijing is 02:00 UTC.
const friday = new Date("2026-11-27T02:00:00Z");

describe("deadlines", () => {
  it("skips the weekend when counting working days", () => {
    expect(addWorkingDays(friday, 1).toISOString()).toBe("2026-11-30T02:00:00.000Z"); // Monday
    expect(addWorkingDays(friday, 5).toISOString()).toBe("2026-12-04T02:00:00.000Z"); // next Friday
    expect(addWorkingDays(friday, 20).toISOString()).toBe("2026-12-25T02:00:00.000Z");
  });

  it("counts the weekday in China's time zone, not the server's", () => {
    // Saturday 01:00 in Beijing is still Friday in UTC: one working day later is Monday.
    const saturdayInChina = new Date("2026-11-27T17:00:00Z");
    // Counting by UTC would see Friday and land on Monday in UTC, i.e. Tuesday 01:00 in Beijing.
    expect(addWorkingDays(saturdayInChina, 1).toISOString()).toBe("2026-11-29T17:00:00.000Z");
  });

  it("SMS verification has 24 hours, police filing 30 calendar days", () => {
    expect(deadlineFrom(friday, 24, "hours").toISOString()).toBe("2026-11-28T02:00:00.000Z");
    expect(deadlineFrom(friday, 30, "days").toISOString()).toBe("2026-12-27T02:00:00.000Z");
  });
});

describe("stage transitions", () => {
  it("allows the pipeline's next stages and the terminal exits only", () => {
    expect(canMove("submitted", "preliminary_review")).toBe(true);
    expect(canMove("submitted", "bureau_review")).toBe(false);
    expect(canMove("sms_verification", "rejected")).toBe(true);
    expect(canMove("filed", "police_filing")).toBe(true);
    expect(canMove("cancelled", "submitted")).toBe(false);
    expect(canMove("rejected", "submitted")).toBe(true);
  });
});
