/**
 * Serves the live release (releases/current) on HOST:SITE_PORT: clean URLs, the site's 404 page,
 * long-lived caching for fingerprinted assets, gzip/brotli for text. The symlink is resolved per
 * request, so a swapped-in release is live immediately with no restart.
 */
import { createReadStream, promises as fs, realpathSync, type Stats } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { SITE_CONTENT_TYPES } from "@beian/contract/content-types";

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const currentLink = path.join(
  process.env.SITE_RELEASES_DIR || path.join(siteDir, "releases"),
  "current",
);
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.SITE_PORT || 4321);

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** Compressed bodies, by file and encoding; a release's files never change after the swap. */
const compressed = new Map<string, Buffer>();

function liveRoot(): string | undefined {
  try {
    return realpathSync(currentLink);
  } catch {
    return undefined;
  }
}

async function stat(file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch {
    return undefined;
  }
}

function cacheControl(relative: string): string {
  // Both are named by their content's hash (Astro's assets; the SVGs drawn at build, svgRaster.ts).
  if (relative.startsWith(`_astro${path.sep}`) || relative.startsWith(`img${path.sep}`)) {
    return "public, max-age=31536000, immutable";
  }
  if (relative.endsWith(".html")) return "public, max-age=0, must-revalidate";
  return "public, max-age=3600";
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  file: string,
  info: Stats,
  status = 200,
): Promise<void> {
  const type = SITE_CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  const etag = `"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`;
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    "Content-Type": type,
    "Cache-Control": cacheControl(path.relative(root, file)),
    ETag: etag,
    Vary: "Accept-Encoding",
  };
  if (status === 200 && req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const accepts = String(req.headers["accept-encoding"] ?? "");
  const encoding =
    !COMPRESSIBLE.test(type) || info.size < 1024
      ? undefined
      : /\bbr\b/.test(accepts)
        ? "br"
        : /\bgzip\b/.test(accepts)
          ? "gzip"
          : undefined;
  if (encoding) {
    const key = `${file}:${info.mtimeMs}:${encoding}`;
    let body = compressed.get(key);
    if (!body) {
      const raw = await fs.readFile(file);
      body =
        encoding === "br"
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
          : gzipSync(raw, { level: 9 });
      if (compressed.size > 2_000) compressed.clear();
      compressed.set(key, body);
    }
    res.writeHead(status, {
      ...headers,
      "Content-Encoding": encoding,
      "Content-Length": body.length,
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return;
  }
  res.writeHead(status, { ...headers, "Content-Length": info.size });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: "GET, HEAD" }).end();
    return;
  }
  const root = liveRoot();
  if (!root) {
    res.writeHead(503, {
      ...SECURITY_HEADERS,
      "Content-Type": "text/plain; charset=utf-8",
      "Retry-After": "5",
    });
    res.end("网站正在构建,请稍后刷新。The site is being built; please reload shortly.\n");
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = "/";
  }
  const file = path.join(root, path.normalize(pathname));
  if (!file.startsWith(root)) {
    res.writeHead(400, SECURITY_HEADERS).end();
    return;
  }
  const info = await stat(file);
  if (info?.isFile()) return send(req, res, root, file, info);
  if (info?.isDirectory()) {
    if (!pathname.endsWith("/")) {
      res.writeHead(301, { ...SECURITY_HEADERS, Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const index = path.join(file, "index.html");
    const indexInfo = await stat(index);
    if (indexInfo?.isFile()) return send(req, res, root, index, indexInfo);
  }
  const notFound = path.join(root, "404.html");
  const notFoundInfo = await stat(notFound);
  if (notFoundInfo) return send(req, res, root, notFound, notFoundInfo, 404);
  res.writeHead(404, SECURITY_HEADERS).end();
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
    res.end();
  });
});
server.listen(port, host, () => {
  process.stdout.write(`site: serving ${currentLink} on http://${host}:${port}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
