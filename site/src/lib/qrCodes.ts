/**
 * The QR codes the CMS generates for cases (`qrCodeSvg`, ~1.6 kB of SVG each) are kept as files in
 * the build's cache folder, named by their hash, and the content store keeps only a reference.
 * Astro writes its whole store to disk on every build and reads it back for the pages: with 5,000
 * cases the codes were 8 of its 10 MB, and serialising them a large part of a publish's CPU.
 * A kept file is never stale (its name is its content's hash); a page reads it back by reference.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildCacheDir } from "../env.ts";

/** What the content store holds in place of the SVG itself. */
const REFERENCE = /^qr-code:([0-9a-f]{64})$/;

const fileOf = (hash: string) => path.join(buildCacheDir(), "qr-codes", `${hash}.svg`);

/** Keeps `svg` in the cache (once) and gives the reference the content store holds instead. */
export function keepQrCode(svg: string): string {
  const hash = createHash("sha256").update(svg).digest("hex");
  const file = fileOf(hash);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: a build reading the cache never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, svg);
    renameSync(partial, file);
  }
  return `qr-code:${hash}`;
}

const read = new Map<string, string>();

/** The SVG markup of a case's QR code: read back from the cache for a reference, else as given. */
export function qrCodeSvg(value: string): string {
  const hash = REFERENCE.exec(value)?.[1];
  if (!hash) return value;
  let svg = read.get(hash);
  if (svg === undefined) {
    svg = readFileSync(fileOf(hash), "utf8");
    read.set(hash, svg);
  }
  return svg;
}
