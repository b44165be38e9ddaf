/**
 * A generated QR code drawn without sharp must be the same picture sharp draws from its SVG, and
 * anything that is not exactly the `qrcode` package's SVG must be left to sharp.
 */
import QRCode from "qrcode";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { qrModules, qrPng } from "./qrRaster.ts";
import { CASE_QR_PX } from "./svgImages.ts";
import { RASTER_SCALE, rasterise, rasterName } from "./svgRaster.ts";

/** What the CMS stores for a case's link (cms/src/collections/Cases/hooks/generateQrCode.ts). */
const generated = (link: string) =>
  QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1 });

/** Black (true) or white per pixel of a drawn image, whatever its format. */
async function blackPixels(image: Buffer): Promise<{ width: number; black: boolean[] }> {
  const { data, info } = await sharp(image)
    .flatten({ background: "#ffffff" })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, black: Array.from(data, (value) => value < 128) };
}

describe("qrModules", () => {
  it("reads the modules of the qrcode package's SVG, margin included", async () => {
    const link = "https://example.com/mini/case-1";
    const modules = qrModules(await generated(link));
    const expected = QRCode.create(link, { errorCorrectionLevel: "M" }).modules;
    expect(modules?.size).toBe(expected.size + 2);
    const size = modules?.size ?? 0;
    for (let row = 0; row < expected.size; row++) {
      for (let column = 0; column < expected.size; column++) {
        const dark = modules?.dark[(row + 1) * size + column + 1] === 1;
        expect(dark, `module ${row},${column}`).toBe(expected.get(row, column) === 1);
      }
    }
    // The margin is light all round.
    expect(modules?.dark.slice(0, size).every((dark) => dark === 0)).toBe(true);
  });

  it("leaves any other SVG to sharp", async () => {
    const svg = await generated("https://example.com/mini/case-2");
    expect(qrModules(svg)).toBeDefined();
    expect(qrModules(svg.replace('stroke="#000000"', 'stroke="#1f5fbf"'))).toBeUndefined();
    expect(qrModules(svg.replace("<svg ", '<svg width="200" height="200" '))).toBeUndefined();
    expect(qrModules(svg.replace(/d="M1 /, 'd="M1.25 '))).toBeUndefined();
    expect(qrModules(svg.replace(/h(\d+)"/, 'v$1"'))).toBeUndefined();
    expect(qrModules(svg.replace(/(viewBox="0 0 )(\d+) \2/, "$1 5 5"))).toBeUndefined();
    expect(qrModules('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).toBeUndefined();
  });
});

describe("qrPng", () => {
  it("draws every module where sharp draws it from the same SVG", async () => {
    for (const link of ["https://a.cn/x", "https://example.com/mini/a-much-longer-link/path?q=1"]) {
      const svg = await generated(link);
      const modules = qrModules(svg);
      if (!modules) throw new Error("not read as a QR code");
      const pixels = CASE_QR_PX * RASTER_SCALE;
      const ours = await blackPixels(qrPng(modules, pixels));
      const sharps = await blackPixels(
        await sharp(Buffer.from(svg)).resize(pixels, pixels).png().toBuffer(),
      );
      expect(ours.width).toBe(pixels);
      // The pixel at each module's centre: the two may round a module's edge to either side of a
      // pixel (about 6.2 pixels a module), never a module's colour.
      const at = (image: typeof ours, row: number, column: number) => {
        const centre = (index: number) => Math.floor(((index + 0.5) * pixels) / modules.size);
        return image.black[centre(row) * pixels + centre(column)];
      };
      for (let row = 0; row < modules.size; row++) {
        for (let column = 0; column < modules.size; column++) {
          expect(at(ours, row, column), `module ${row},${column}`).toBe(at(sharps, row, column));
          expect(at(ours, row, column)).toBe(modules.dark[row * modules.size + column] === 1);
        }
      }
    }
  });
});

describe("rasterise and rasterName for a generated QR code", () => {
  it("is a small PNG named .png; a QR code in a box that is not square stays WebP", async () => {
    const svg = await generated("https://example.com/mini/case-3");
    const image = { svg, width: CASE_QR_PX, height: CASE_QR_PX };
    expect(rasterName(image)).toMatch(/^[0-9a-f]{16}-96x96\.png$/);
    const file = await rasterise(image);
    const meta = await sharp(file).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 192, 192]);
    expect(file.length).toBeLessThan(1_000);
    expect(rasterName({ svg, width: 96, height: 48 })).toMatch(/\.webp$/);
  });

  it("a code in the generated envelope whose path cannot be read is drawn by sharp, still a PNG", async () => {
    const svg = (await generated("https://example.com/mini/case-4")).replace(/d="M1 /, 'd="M1.25 ');
    expect(qrModules(svg)).toBeUndefined();
    const image = { svg, width: CASE_QR_PX, height: CASE_QR_PX };
    expect(rasterName(image)).toMatch(/\.png$/);
    const meta = await sharp(await rasterise(image)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 192, 192]);
  });
});
