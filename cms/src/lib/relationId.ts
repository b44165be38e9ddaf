/**
 * The id a relationship field holds, whether it was read populated (`{ id, ... }`) or not (the id
 * itself); null when it is empty.
 */
export function relationId<TId extends number | string>(
  value: TId | { id: TId } | null | undefined,
): TId | null;
export function relationId(value: unknown): number | string | null;
export function relationId(value: unknown): number | string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "object") return (value as { id?: number | string }).id ?? null;
  return value as number | string;
}
