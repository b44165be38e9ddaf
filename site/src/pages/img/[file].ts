/**
 * /img/<hash>-<w>x<h>.webp: each SVG image the site shows, drawn at build time at the size it is
 * shown (lib/svgRaster.ts says why; lib/svgImages.ts lists them).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { svgImagesOnSite } from "../../lib/svgImages.ts";
import { rasterise, type TSvgImage } from "../../lib/svgRaster.ts";

export const getStaticPaths = (async () =>
  [...(await svgImagesOnSite())].map(([file, image]) => ({
    params: { file },
    props: { image },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: TSvgImage }> = async ({ props }) =>
  new Response(new Uint8Array(await rasterise(props.image)), {
    headers: { "Content-Type": "image/webp" },
  });
