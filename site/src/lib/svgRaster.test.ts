/**
 * An SVG logo becomes a small, sharp WebP of its shown size on a 2× screen: drawn from the vectors
 * at that size (not drawn small and scaled up), fitted inside its box, and cheap to download.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { logoSvg } from "../../../cms/src/seed/logo.ts";
import { cachedRaster, RASTER_SCALE, rasterise, rasterName, rasterSrc } from "./svgRaster.ts";

/** Bytes one 56 px case logo may cost a visitor (a dozen on /cases/). */
const CASE_LOGO_BUDGET = 3_000;

describe("rasterise", () => {
  it("draws a case logo as a WebP of twice its box, within its byte budget", async () => {
    const file = await rasterise({ svg: logoSvg("街角", "#8B5E3C"), width: 56, height: 56 });
    const meta = await sharp(file).metadata();
    expect(meta.format).toBe("webp");
    expect([meta.width, meta.height]).toEqual([56 * RASTER_SCALE, 56 * RASTER_SCALE]);
    expect(file.length).toBeLessThanOrEqual(CASE_LOGO_BUDGET);
  });

  it("draws a small SVG from its vectors: a 10 px circle drawn at 80 px has sharp edges", async () => {
    const circle = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10" fill="#fff"/><circle cx="5" cy="5" r="3.7" fill="#000"/></svg>`;
    const file = await rasterise({ svg: circle, width: 40, height: 40 });
    const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(80);
    // Across the middle row: white, black, white, with a pixel or two of grey at each edge. Drawn
    // at 10 px and scaled up, each edge would be a grey block 8 pixels wide.
    const row = Array.from(
      { length: info.width },
      (_, x) => data[(40 * info.width + x) * info.channels] ?? 0,
    );
    expect(row.filter((value) => value > 16 && value < 240).length).toBeLessThanOrEqual(4);
  });

  it("fits a wide SVG inside its box, transparent around it", async () => {
    const wide = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#1f5fbf"/></svg>`;
    const file = await rasterise({ svg: wide, width: 40, height: 40 });
    const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([80, 80, 4]);
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect(alphaAt(40, 2)).toBe(0);
    expect(alphaAt(40, 40)).toBe(255);
  });
});

describe("rasterName", () => {
  it("changes with the SVG and with the box, so a changed logo is a new file", () => {
    const image = { svg: logoSvg("街角", "#8B5E3C"), width: 56, height: 56 };
    const name = rasterName(image);
    expect(name).toMatch(/^[0-9a-f]{16}-56x56\.webp$/);
    expect(rasterName({ ...image, svg: logoSvg("街角", "#000000") })).not.toBe(name);
    expect(rasterName({ ...image, width: 40, height: 40 })).not.toBe(name);
    expect(rasterSrc(image)).toBe(`/img/${name}`);
  });
});

describe("cachedRaster", () => {
  it("draws an image once and keeps it under its name; a later build reads the kept file", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "beian-raster-cache-"));
    try {
      const image = { svg: logoSvg("书香", "#2F6B4F"), width: 56, height: 56 };
      const drawn = await cachedRaster(image, cacheDir);
      const kept = path.join(cacheDir, "svg-raster", rasterName(image));
      expect(readFileSync(kept)).toEqual(drawn);
      expect((await sharp(drawn).metadata()).format).toBe("webp");
      // What the cache holds is what the next build serves: it does not draw again.
      writeFileSync(kept, "kept");
      expect((await cachedRaster(image, cacheDir)).toString()).toBe("kept");
      expect(readdirSync(path.dirname(kept))).toEqual([rasterName(image)]);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
