/**
 * The embed script's weight as partners' visitors download it, beside the peers named in the issue
 * (their published embed sizes, gzip; both then load an iframe page on top).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { repoRoot } from "./lib/stack.ts";
import { printTable } from "./lib/table.ts";

export type TWidgetSize = { raw: number; gzip: number; brotli: number };

const BUDGET_GZIP = 12 * 1024;
const PEERS = [
  { name: "Typeform embed", gzip: 14 * 1024 },
  { name: "Cal.com embed", gzip: 17 * 1024 },
];

export function measureWidget(): TWidgetSize {
  const file = path.join(repoRoot, "widget", "dist", "v1", "widget.js");
  const source = readFileSync(file);
  return {
    raw: source.byteLength,
    gzip: gzipSync(source, { level: 9 }).byteLength,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      .byteLength,
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function printWidgetSize(size: TWidgetSize): void {
  printTable(
    "Widget embed script (widget/dist/v1/widget.js), everything included",
    ["script", "raw", "gzip", "brotli"],
    [
      ["Beian widget", kib(size.raw), kib(size.gzip), kib(size.brotli)],
      ...PEERS.map((peer) => [`${peer.name} (published figure)`, "–", `≈ ${kib(peer.gzip)}`, "–"]),
      ["aim", "–", `≤ ${kib(BUDGET_GZIP)}`, "–"],
    ],
  );
}
