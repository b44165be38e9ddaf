/**
 * A document as the answer to its owner or a reviewer: never cached, never sniffed into anything
 * else, named for saving. A photo may show in the browser; a PDF is always a download (the
 * browser's PDF viewer would run the file's own scripts in our origin's name).
 */
import type { Material } from "../payload-types.ts";
import { EXTENSION } from "./content.ts";

/** A well-formed document id (SQLite's numbers, MongoDB's ObjectIds); anything else is not found. */
export const isDocumentId = (id: string) => /^[0-9a-f]{1,24}$/i.test(id);

export function documentResponse(
  material: Material,
  bytes: Buffer,
  { headers = {}, download }: { headers?: Record<string, string>; download: boolean },
): Response {
  const contentType = material.contentType;
  const attachment = download || contentType === "application/pdf";
  const name = `${material.item}.${EXTENSION[contentType]}`;
  const ascii = `document-${material.id}.${EXTENSION[contentType]}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...headers,
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `${attachment ? "attachment" : "inline"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "Cross-Origin-Resource-Policy": "same-site",
      "Referrer-Policy": "no-referrer",
    },
  });
}
