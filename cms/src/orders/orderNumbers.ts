/**
 * Order numbers (`B-XXXX-XXXX`): what a customer quotes on the phone and types into the lookup.
 * Drawn from the shared phone-safe alphabet (`lib/codes.ts`); the caller checks the draw is unused.
 */
import { newReference } from "../lib/codes.ts";

/** Easy to read out, and 30^8 possibilities, so the lookup also asks for the phone. */
export function newOrderNo(): string {
  const code = newReference("B", 8).slice(2);
  return `B-${code.slice(0, 4)}-${code.slice(4)}`;
}
