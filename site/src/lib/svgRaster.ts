/**
 * SVG images (logos, partner marks, QR codes, an SVG hero) are drawn at build time into small
 * lossless WebP files of the size they are shown at, served from our own origin under /img/ (a
 * generated QR code into a 1-bit PNG, drawn without sharp: qrRaster.ts).
 *
 * Why not the SVG itself: a browser makes every SVG `<img>` a whole SVG document (loader, window,
 * style, text shaping), built on the page's main thread. Measured on /cases/ in Lighthouse's mobile
 * run (CPU 4× slower): 30–70 ms per logo, 12 logos, most of the page's blocking time. A raster of
 * the same logo decodes in well under a millisecond.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { isGeneratedQrCode, qrModules, qrPng } from "./qrRaster.ts";

/** Device pixels per CSS pixel the file is drawn for: crisp on 2× screens (and Lighthouse's phone). */
export const RASTER_SCALE = 2;

/** An SVG shown in a box of `width` × `height` CSS pixels. */
export type TSvgImage = { svg: string; width: number; height: number };

/** A generated QR code in a square box: a 1-bit PNG (qrRaster.ts), not a WebP. */
const isQrCodeImage = ({ svg, width, height }: TSvgImage) =>
  width === height && isGeneratedQrCode(svg);

/**
 * The file's name: a hash of the SVG and the box, so a changed logo is a new file; `.png` for a
 * generated QR code, `.webp` for any other SVG.
 */
export function rasterName(image: TSvgImage): string {
  const hash = createHash("sha256").update(image.svg).digest("hex").slice(0, 16);
  return `${hash}-${image.width}x${image.height}.${isQrCodeImage(image) ? "png" : "webp"}`;
}

/** The Content-Type of a file named by rasterName. */
export const rasterContentType = (name: string) =>
  name.endsWith(".png") ? "image/png" : "image/webp";

/** Where a page finds the file (under the build's base: previews are served below a path). */
export function rasterSrc(image: TSvgImage): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, "")}/img/${rasterName(image)}`;
}

/**
 * The SVG drawn at the box's device-pixel size, fitted inside the box as the `<img>` fitted the
 * SVG, transparent around it. sharp (libvips) loads an SVG at the scale the resize asks for, so
 * it is drawn from its vectors at that size, not drawn small and scaled up.
 */
export async function rasterise(image: TSvgImage): Promise<Buffer> {
  const { svg, width, height } = image;
  const isQrCode = isQrCodeImage(image);
  const modules = isQrCode ? qrModules(svg) : undefined;
  if (modules) return qrPng(modules, width * RASTER_SCALE);
  const drawn = sharp(Buffer.from(svg)).resize(width * RASTER_SCALE, height * RASTER_SCALE, {
    fit: "contain",
    background: { r: 0, g: 0, b: 0, alpha: 0 },
  });
  // A code in the generated envelope whose path qrRaster cannot read: sharp draws it, as the PNG
  // its name says.
  if (isQrCode) return drawn.png().toBuffer();
  // Effort 4, not 6: measured on the site's logos and QR codes, the files are as small (a QR
  // code the same bytes, a logo 3% smaller) and drawn 4–5× faster (a QR code 2.7 ms, not 11).
  return drawn.webp({ lossless: true, effort: 4 }).toBuffer();
}

/**
 * The raster from `cacheDir` when an earlier build drew it, else drawn and kept there. The file
 * name is the SVG's hash and box, so a kept file is never stale: a publish redraws only the
 * images that changed, not 5,000 QR codes (release.ts gives each CMS its own cache folder).
 */
export async function cachedRaster(image: TSvgImage, cacheDir: string): Promise<Buffer> {
  const file = path.join(cacheDir, "svg-raster", rasterName(image));
  try {
    return await readFile(file);
  } catch {
    const drawn = await rasterise(image);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed: a build reading the cache never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, drawn);
    await rename(partial, file);
    return drawn;
  }
}
