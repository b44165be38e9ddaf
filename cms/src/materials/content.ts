/**
 * What a customer's file is, by its content (never its name or the browser's type), and the copy
 * that is stored: photos decoded and encoded again — which drops EXIF, GPS and every other piece
 * of metadata, applies the camera's rotation and bounds the size — and PDFs as they came (they are
 * only ever served as attachments, `Content-Disposition` with `nosniff`).
 */
import type { TMaterialContentType } from "@beian/contract";
import sharp from "sharp";

/** Longest side of a stored photo: a document stays legible, a 48-megapixel photo does not stay 48. */
export const MAX_IMAGE_SIDE = 2560;
/** Refuse to decode more than this (a "decompression bomb" is small on the wire, huge in memory). */
const MAX_INPUT_PIXELS = 100_000_000;

const SIGNATURES: { type: TMaterialContentType; bytes: number[] }[] = [
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "application/pdf", bytes: [...Buffer.from("%PDF-")] },
];

/** The file's type by its first bytes, or undefined for anything else (HTML named .jpg included). */
export function contentTypeOf(file: Buffer): TMaterialContentType | undefined {
  return SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => file[index] === byte))?.type;
}

export type TStorable =
  | { ok: true; bytes: Buffer; contentType: TMaterialContentType }
  | { ok: false };

/** The bytes to store for an upload, or not ok when it is not a JPEG, PNG or PDF that decodes. */
export async function storableCopy(file: Buffer): Promise<TStorable> {
  const contentType = contentTypeOf(file);
  if (!contentType) return { ok: false };
  if (contentType === "application/pdf") return { ok: true, bytes: file, contentType };
  try {
    const image = sharp(file, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS })
      // The camera's orientation applied to the pixels, since the EXIF that says it is dropped.
      .rotate()
      .resize({
        width: MAX_IMAGE_SIDE,
        height: MAX_IMAGE_SIDE,
        fit: "inside",
        withoutEnlargement: true,
      });
    // sharp writes no metadata unless asked (withMetadata / keepExif): none is asked for.
    const bytes =
      contentType === "image/png"
        ? await image.png({ compressionLevel: 8 }).toBuffer()
        : await image.jpeg({ quality: 88 }).toBuffer();
    return { ok: true, bytes, contentType };
  } catch {
    // A file that starts like a photo but does not decode as one.
    return { ok: false };
  }
}

export const EXTENSION: Record<TMaterialContentType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "application/pdf": "pdf",
};
