/**
 * A snapshot's `manifest.json`: when it was taken, what it holds (database, media, materials), how
 * many documents, which migrations its schema has, and every file with its size and SHA-256. It is
 * written last, so a folder with a manifest is a whole snapshot; restore checks every file against
 * it before it touches anything.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { flushToDisk, hashFile, type TFileEntry } from "./files.ts";

export const MANIFEST_FILE = "manifest.json";
/** The SQLite database inside a snapshot. */
export const DATABASE_FILE = "database.sqlite";
export const MEDIA_PART = "media";
export const MATERIALS_PART = "materials";

export const SNAPSHOT_KINDS = ["manual", "nightly"] as const;
export type TSnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/** Only the database file and files under media/ or materials/, never outside the snapshot. */
const snapshotPath = z
  .string()
  .refine(
    (name) =>
      name === DATABASE_FILE ||
      (/^(media|materials)\/./.test(name) &&
        !name.split("/").some((part) => part === "" || part === "." || part === "..") &&
        !name.includes("\\")),
    "not a path inside a snapshot",
  );

const FileEntry = z.object({
  path: snapshotPath,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const FilesPart = z.object({
  /** Whether the folder existed when the snapshot was taken. */
  included: z.boolean(),
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});

const DatabasePart = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("sqlite"),
    file: z.literal(DATABASE_FILE),
    /** The migrations its schema has had, oldest first ("dev" for a schema-pushed database). */
    migrations: z.array(z.string()),
    /** Documents per collection, counted in the snapshot itself. */
    counts: z.record(z.string(), z.number().int().nonnegative()),
  }),
  // MongoDB is backed up with mongodump (README); the snapshot then holds the files only.
  z.object({ kind: z.literal("mongodb"), included: z.literal(false) }),
]);

const Manifest = z.object({
  format: z.literal(1),
  kind: z.enum(SNAPSHOT_KINDS),
  createdAt: z.iso.datetime(),
  /** The same moment as the admin shows it: `2026-11-30 04:15`, China time. */
  chinaTime: z.string(),
  database: DatabasePart,
  media: FilesPart,
  materials: FilesPart,
  files: z.array(FileEntry),
});

export type TManifest = z.infer<typeof Manifest>;
export type TDatabasePart = z.infer<typeof DatabasePart>;
export type TFilesPart = z.infer<typeof FilesPart>;

export function filesPart(included: boolean, files: TFileEntry[]): TFilesPart {
  return {
    included,
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
  };
}

export async function writeManifest(dir: string, manifest: TManifest): Promise<void> {
  const file = path.join(dir, MANIFEST_FILE);
  await writeFile(file, `${JSON.stringify(Manifest.parse(manifest), null, 2)}\n`, { flag: "wx" });
  await flushToDisk(file);
}

/** Why a folder is not a snapshot that can be restored. */
export class SnapshotDamaged extends Error {}

export async function readManifest(dir: string): Promise<TManifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), "utf8");
  } catch {
    throw new SnapshotDamaged(
      `${dir} is not a snapshot: it has no ${MANIFEST_FILE} (a backup that did not finish has none)`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SnapshotDamaged(`${path.join(dir, MANIFEST_FILE)} is not valid JSON`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new SnapshotDamaged(
      `${path.join(dir, MANIFEST_FILE)} is not a manifest this version reads: ${problems.join("; ")}`,
    );
  }
  return parsed.data;
}

/** Every file the manifest lists is there, whole: same size, same SHA-256. */
export async function verifyFiles(dir: string, manifest: TManifest): Promise<void> {
  if (manifest.database.kind === "sqlite" && !manifest.files.some((f) => f.path === DATABASE_FILE))
    throw new SnapshotDamaged(`the manifest does not list ${DATABASE_FILE}`);
  for (const entry of manifest.files) {
    const file = path.join(dir, ...entry.path.split("/"));
    const sha256 = await hashFile(file).catch(() => undefined);
    if (sha256 === undefined) throw new SnapshotDamaged(`${entry.path} is missing from ${dir}`);
    if (sha256 !== entry.sha256)
      throw new SnapshotDamaged(
        `${entry.path} in ${dir} is not the file that was backed up (its SHA-256 differs)`,
      );
  }
}
