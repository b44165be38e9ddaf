/** Files for the storage tests: pictures to upload, and ways to compare and find them. */
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import sharp from "sharp";

/** A PNG wide enough for every media image size (240, 640, 1280), different for each seed. */
export async function testPng(seed: number): Promise<Buffer> {
  return sharp({
    create: { width: 1400, height: 700, channels: 3, background: { r: seed % 256, g: 90, b: 160 } },
  })
    .png()
    .toBuffer();
}

/** A file as the Local API takes it. */
export const pngFile = (data: Buffer, name: string) => ({
  data,
  mimetype: "image/png",
  name,
  size: data.byteLength,
});

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The files under `dir`; none when it does not exist. */
export async function filesIn(dir: string): Promise<string[]> {
  return readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
}
