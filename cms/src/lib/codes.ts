/**
 * Codes people read out over the phone (lead references `L-XXXXXX`, order numbers `B-XXXX-XXXX`):
 * drawn at random from an alphabet nobody mishears, and checked unused before they are written.
 */
import { randomInt } from "node:crypto";
import type { PayloadRequest } from "payload";

/** Crockford-style: no 0/O, 1/I/L or U, so a reference read over the phone is never ambiguous. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReference(prefix: string, length = 6): string {
  let code = "";
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${code}`;
}

/**
 * A code nobody has yet. Checked before the write rather than caught after it: a failed create
 * ends the request's transaction, and with it everything else the request was writing. (Within
 * SQLite's one-at-a-time transactions the check cannot race; elsewhere the unique index remains
 * the last guard.)
 */
export async function unusedCode(
  req: PayloadRequest,
  target: { collection: "leads"; field: "reference" } | { collection: "orders"; field: "orderNo" },
  draw: () => string,
): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = draw();
    // Straight to the adapter: every document counts, and Payload's operation around a count
    // (access, hooks, the query's sanitising) cost more than the count itself.
    const { totalDocs } = await req.payload.db.count({
      collection: target.collection,
      where: { [target.field]: { equals: code } },
      req,
    });
    if (totalDocs === 0) return code;
  }
  throw new Error(`no unused ${target.field} found in 5 draws`);
}
