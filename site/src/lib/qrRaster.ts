/**
 * The QR codes the CMS generates (the `qrcode` package's SVG: a white square and one black path of
 * horizontal runs, one module high) drawn without an SVG renderer: read the modules from the path
 * and write a 1-bit PNG. sharp took about 4 ms per code (librsvg's setup, then the WebP encoder),
 * most of a first build's time with 5,000 new cases; this takes a few hundredths of that, and the
 * file is as small (a few hundred bytes). Any other SVG — an uploaded QR image, another colour, a
 * later `qrcode` writing its path differently — is not recognised and goes to sharp as before.
 */
import { crc32, deflateSync } from "node:zlib";

/** A square grid of modules, margin included, row by row: `dark[row * size + column]`. */
export type TQrModules = { size: number; dark: Uint8Array };

const QR_SVG =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h\1v\1H0z"\/><path stroke="#000000" d="([^"]*)"\/><\/svg>\n?$/;
const PATH_COMMAND = /([Mmh])(\d+(?:\.5)?)(?: (\d+(?:\.5)?))?/y;

/**
 * Whether `svg` is written as the `qrcode` package writes a code: a test of its envelope alone,
 * cheap enough for every time a page names the image (qrModules reads the path).
 */
export const isGeneratedQrCode = (svg: string) => QR_SVG.test(svg);

/** The modules of a QR code SVG as the `qrcode` package writes it, or undefined for any other SVG. */
export function qrModules(svg: string): TQrModules | undefined {
  const match = QR_SVG.exec(svg);
  if (!match) return undefined;
  const size = Number(match[1]);
  const path = match[2] ?? "";
  const dark = new Uint8Array(size * size);
  let x = 0;
  let y = 0;
  PATH_COMMAND.lastIndex = 0;
  while (PATH_COMMAND.lastIndex < path.length) {
    const command = PATH_COMMAND.exec(path);
    if (!command) return undefined;
    const [, name, first = "", second] = command;
    const a = Number(first);
    if (name === "h") {
      // A run of `a` modules on the row whose middle is y (a 1-unit stroke centred on it).
      const row = y - 0.5;
      if (second !== undefined || !Number.isInteger(row) || row < 0 || row >= size)
        return undefined;
      if (!Number.isInteger(x) || !Number.isInteger(a) || x + a > size) return undefined;
      dark.fill(1, row * size + x, row * size + x + a);
      x += a;
    } else {
      if (second === undefined) return undefined;
      x = name === "M" ? a : x + a;
      y = name === "M" ? Number(second) : y + Number(second);
    }
  }
  return { size, dark };
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The modules drawn black on white over `pixels` × `pixels` as a 1-bit greyscale PNG, each pixel
 * the module under its top-left corner (what crispEdges draws: no grey at module edges).
 */
export function qrPng({ size, dark }: TQrModules, pixels: number): Buffer {
  const rowBytes = Math.ceil(pixels / 8);
  const scanlines = Buffer.alloc((rowBytes + 1) * pixels); // each row: filter 0, then the bits
  for (let py = 0; py < pixels; py++) {
    const moduleRow = Math.floor((py * size) / pixels) * size;
    const offset = py * (rowBytes + 1) + 1;
    for (let byte = 0; byte < rowBytes; byte++) {
      let bits = 0;
      for (let px = byte * 8; px < Math.min(byte * 8 + 8, pixels); px++) {
        const isLight = !dark[moduleRow + Math.floor((px * size) / pixels)];
        if (isLight) bits |= 0x80 >> (px & 7);
      }
      scanlines[offset + byte] = bits;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale; compression, filter and interlace stay 0
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
