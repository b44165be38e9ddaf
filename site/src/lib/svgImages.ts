/**
 * Every SVG image the site shows, at the size it is shown: the list /img/[file] draws at build
 * time (svgRaster.ts). The boxes are named here and the components take them from here, so the
 * list and the pages agree; SvgImage.astro fails the build for an SVG and box this list lacks.
 */
import { mediaUrl } from "./cms.ts";
import { landing, ordered } from "./content.ts";
import { qrCodeSvg } from "./qrCodes.ts";
import type { TMedia } from "./schemas.ts";
import { rasterName, type TSvgImage } from "./svgRaster.ts";

/** CSS pixels each image is shown at. */
export const CASE_LOGO_PX = 56;
export const CASE_QR_PX = 96;
export const PARTNER_LOGO_PX = 40;
export const HERO_WIDTH_PX = 720;

export const isSvg = (media: TMedia) => media.mimeType === "image/svg+xml";

/** The box a media document fills at `width`: its own proportions unless a height is given. */
export function mediaBox(media: TMedia, width: number, height?: number) {
  const ratio = media.width && media.height ? media.height / media.width : 1;
  return { width, height: height ?? Math.round(width * ratio) };
}

const svgTexts = new Map<string, Promise<string>>();

/** An SVG upload's markup, fetched from the CMS once per build. */
export function svgText(media: TMedia): Promise<string> {
  const url = mediaUrl(media.url);
  let text = svgTexts.get(url);
  if (!text) {
    text = fetch(url).then((response) => {
      if (!response.ok)
        throw new Error(`Cannot fetch ${media.url} from the CMS: ${response.status}`);
      return response.text();
    });
    svgTexts.set(url, text);
  }
  return text;
}

async function uploaded(
  media: TMedia | null | undefined,
  width: number,
  height?: number,
): Promise<TSvgImage[]> {
  if (!media || !isSvg(media)) return [];
  return [{ svg: await svgText(media), ...mediaBox(media, width, height) }];
}

let everyImage: Promise<Map<string, TSvgImage>> | undefined;

/** The site's SVG images by file name: case logos and QR codes, partner logos, the hero. */
export function svgImagesOnSite(): Promise<Map<string, TSvgImage>> {
  everyImage ??= (async () => {
    const images: TSvgImage[] = [];
    for (const { data } of await ordered("cases")) {
      images.push(...(await uploaded(data.logo, CASE_LOGO_PX, CASE_LOGO_PX)));
      images.push(...(await uploaded(data.qrImage, CASE_QR_PX, CASE_QR_PX)));
      if (data.qrCodeSvg)
        images.push({ svg: qrCodeSvg(data.qrCodeSvg), width: CASE_QR_PX, height: CASE_QR_PX });
    }
    for (const { data } of await ordered("partners")) {
      images.push(...(await uploaded(data.logo, PARTNER_LOGO_PX, PARTNER_LOGO_PX)));
    }
    images.push(...(await uploaded((await landing()).hero.image, HERO_WIDTH_PX)));
    return new Map(images.map((image) => [rasterName(image), image]));
  })();
  return everyImage;
}
