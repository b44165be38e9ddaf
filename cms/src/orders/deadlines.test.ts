/** Deadline arithmetic in China's time zone, pinned to known weekdays. */
import { describe, expect, it } from "vitest";
import { addWorkingDays, deadlineFrom } from "./deadlines.ts";

// 2026-11-27 is a Friday; 10:00 in Beijing is 02:00 UTC.
const friday = new Date("2026-11-27T02:00:00Z");

describe("deadlines", () => {
  it("skips the weekend when counting working days", () => {
    expect(addWorkingDays(friday, 1).toISOString()).toBe("2026-11-30T02:00:00.000Z"); // Monday
    expect(addWorkingDays(friday, 5).toISOString()).toBe("2026-12-04T02:00:00.000Z"); // next Friday
    expect(addWorkingDays(friday, 20).toISOString()).toBe("2026-12-25T02:00:00.000Z");
  });

  it("counts in China's time zone; a weekend arrival starts counting on Monday 00:00 there", () => {
    // Saturday 01:00 in Beijing is still Friday in UTC: counting by UTC would make it Monday.
    const saturdayInChina = new Date("2026-11-27T17:00:00Z");
    expect(addWorkingDays(saturdayInChina, 1).toISOString()).toBe("2026-11-30T16:00:00.000Z"); // Tue 00:00
    const fridayNight = new Date("2026-11-27T15:00:00Z"); // Friday 23:00 in Beijing
    expect(addWorkingDays(fridayNight, 1).toISOString()).toBe("2026-11-30T15:00:00.000Z"); // Mon 23:00
  });

  it("never gives a later arrival an earlier deadline", () => {
    let previous = 0;
    for (let minutes = 0; minutes < 8 * 24 * 60; minutes += 10) {
      const due = addWorkingDays(new Date(friday.getTime() + minutes * 60_000), 1).getTime();
      expect(due).toBeGreaterThanOrEqual(previous);
      previous = due;
    }
  });

  it("SMS verification has 24 hours, police filing 30 calendar days", () => {
    expect(deadlineFrom(friday, 24, "hours").toISOString()).toBe("2026-11-28T02:00:00.000Z");
    expect(deadlineFrom(friday, 30, "days").toISOString()).toBe("2026-12-27T02:00:00.000Z");
  });
});
