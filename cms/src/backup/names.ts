/**
 * Snapshot folders are named by the China time they were taken and their kind, e.g.
 * `2026-11-30_041500-nightly`, so a listing sorts oldest first and says what each one is. A
 * snapshot being written has a hidden `.partial-…` name until it is complete.
 */
import { readdir } from "node:fs/promises";
import { CHINA_OFFSET_MS } from "../lib/chinaTime.ts";
import { SNAPSHOT_KINDS, type TSnapshotKind } from "./manifest.ts";

const SNAPSHOT_NAME = new RegExp(
  `^\\d{4}-\\d{2}-\\d{2}_\\d{6}-(${SNAPSHOT_KINDS.join("|")})(-\\d+)?$`,
);
export const PARTIAL_PREFIX = ".partial-";

/** `2026-11-30_041500`: the China time of `at`, to the second. */
export function chinaStamp(at: Date): string {
  const iso = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)}_${iso.slice(11, 19).replaceAll(":", "")}`;
}

/** The folder name of a snapshot taken at `at`; `attempt` > 1 when that second's name is taken. */
export function snapshotName(at: Date, kind: TSnapshotKind, attempt = 1): string {
  return `${chinaStamp(at)}-${kind}${attempt > 1 ? `-${attempt}` : ""}`;
}

export type TSnapshotListing = { name: string; kind: TSnapshotKind };

/** The complete snapshots in `dir`, oldest first (none when it does not exist yet). */
export async function listSnapshots(dir: string): Promise<TSnapshotListing[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const kind = SNAPSHOT_NAME.exec(entry.name)?.[1] as TSnapshotKind | undefined;
      return kind ? [{ name: entry.name, kind }] : [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
