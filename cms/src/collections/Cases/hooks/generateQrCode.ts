import type { CollectionBeforeChangeHook } from "payload";
import QRCode from "qrcode";

/**
 * A case without an uploaded QR image gets one generated from its mini-program link, stored as
 * SVG so the static site can inline it (no image request, sharp at any size).
 */
export const generateQrCode: CollectionBeforeChangeHook = async ({ data }) => {
  const link = typeof data.miniProgramLink === "string" ? data.miniProgramLink.trim() : "";
  data.qrCodeSvg = link
    ? await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1 })
    : null;
  return data;
};
