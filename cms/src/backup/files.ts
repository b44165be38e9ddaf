/**
 * Files in and out of a snapshot: each one copied, fingerprinted (SHA-256) and flushed to disk, so
 * a snapshot that says it is complete is, and a damaged one is caught before anything is restored.
 */
import { createHash } from "node:crypto";
import { constants, createReadStream } from "node:fs";
import { copyFile, mkdir, open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

export type TFileEntry = { path: string; bytes: number; sha256: string };

/** The SHA-256 of a file's contents, in hex. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/**
 * Flushes a file (or a folder's entries) to disk: a rename that follows must not outrun it, nor a
 * crash right after it undo it. Systems that cannot flush a folder (Windows) skip that part.
 */
export async function flushToDisk(file: string): Promise<void> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EISDIR" || error.code === "EPERM") return undefined;
    throw error;
  });
  try {
    await handle?.sync();
  } finally {
    await handle?.close();
  }
}

/** A file that is in place: flushed, and described as the manifest lists it (`name` relative). */
export async function sealFile(file: string, name: string): Promise<TFileEntry> {
  await flushToDisk(file);
  const { size } = await stat(file);
  return { path: name, bytes: size, sha256: await hashFile(file) };
}

/** Every regular file under `dir`, as paths relative to it ('/'-separated); none if it is missing. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}

/**
 * Copies every file under `from` into `to` (a new folder) and returns them sealed, named
 * `<prefix>/<relative path>`. A file deleted between the listing and its copy (the admin removed a
 * picture meanwhile) is left out: the database snapshot taken before no longer needs it either way.
 */
export async function copyTree(from: string, to: string, prefix: string): Promise<TFileEntry[]> {
  const sealed: TFileEntry[] = [];
  for (const name of await filesUnder(from)) {
    const target = path.join(to, ...name.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await copyFile(path.join(from, ...name.split("/")), target, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    sealed.push(await sealFile(target, `${prefix}/${name}`));
  }
  return sealed;
}
