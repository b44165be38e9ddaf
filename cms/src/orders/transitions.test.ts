/** Which stage may follow which: the pipeline's edges, the side exits, a resubmission. */
import { describe, expect, it } from "vitest";
import { canMove } from "./transitions.ts";

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
