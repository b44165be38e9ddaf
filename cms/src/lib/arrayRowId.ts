import { randomBytes } from "node:crypto";

/**
 * The id of a new row of an array field. Payload's create gives each row one (an ObjectId's 24 hex
 * digits: the `id` column of SQLite's array tables is NOT NULL, MongoDB keeps it as a string); a
 * document written through the database adapter gives its rows their ids here, in the same shape.
 */
export function arrayRowId(): string {
  return randomBytes(12).toString("hex");
}
