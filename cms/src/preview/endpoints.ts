/**
 * The preview's two endpoints:
 *
 * - `GET /api/site-preview?doc=landing` (or `doc=faqs:12`), the admin's 预览 button: staff only.
 *   Reads the document's draft with the viewer's own access, starts (or reuses) its preview build,
 *   and answers 生成预览中… (refreshing itself, no script) until the build is ready, then sends the
 *   browser to the preview's signed link.
 * - `GET /api/site-preview/<signed token>/<path>`: the preview build's files, for anyone holding
 *   an unexpired link (a tampered or expired one is 403 in the contract's shape). Never indexed
 *   (`X-Robots-Tag`), never cached, and the link is not sent on as a referrer.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { SITE_CONTENT_TYPES } from "@beian/contract/content-types";
import type { Endpoint, PayloadRequest } from "payload";
import { hasRole } from "../access/index.ts";
import { answer } from "../endpoints/answer.ts";
import { Refusal } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import {
  createPreviewBuilder,
  PREVIEW_BASE_SEGMENT,
  type TPreviewBuild,
  type TPreviewBuilder,
} from "./previewBuilds.ts";
import { previewLinkKey, verifyPreviewToken } from "./signedLink.ts";
import { documentParam, parseDocumentParam, sitePathOf, type TSiteDocument } from "./sitePages.ts";

export const PREVIEW_ROUTE = "/site-preview";

/** What every preview answer carries: not for search engines, not for caches, not for referrers. */
export const PREVIEW_HEADERS = {
  "X-Robots-Tag": "noindex, nofollow",
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
} as const;

/** The admin's preview URL for a document (`admin.preview`), or null where there is none. */
export function previewUrlOf(target: TSiteDocument): string {
  return `/api${PREVIEW_ROUTE}?doc=${encodeURIComponent(documentParam(target))}`;
}

const builders = new Map<string, TPreviewBuilder>();

/** One builder per CMS process and configuration; undefined without the site's sources. */
export function previewBuilderFor(
  env: TEnv,
  log: (message: string) => void,
): TPreviewBuilder | undefined {
  if (!env.SITE_DIR) return undefined;
  const key = `${env.SITE_DIR}|${env.SITE_PREVIEW_DIR}|${env.CMS_URL}`;
  let builder = builders.get(key);
  if (!builder) {
    builder = createPreviewBuilder({
      siteDir: env.SITE_DIR,
      previewDir: env.SITE_PREVIEW_DIR,
      servedUnder: `/api${PREVIEW_ROUTE}`,
      linkKey: previewLinkKey(env.PAYLOAD_SECRET),
      buildEnv: { CMS_URL: env.CMS_URL, SITE_URL: env.SITE_URL },
      log,
    });
    builders.set(key, builder);
  }
  return builder;
}

/** The document's draft (its latest version) as the viewer may read it. */
async function readDraft(
  req: PayloadRequest,
  target: TSiteDocument,
): Promise<Record<string, unknown>> {
  const common = { draft: true, depth: 1, overrideAccess: false, user: req.user, req } as const;
  const doc: unknown =
    "global" in target
      ? await req.payload.findGlobal({ slug: target.global, ...common })
      : await req.payload.findByID({ collection: target.collection, id: target.id, ...common });
  return doc as Record<string, unknown>;
}

export function startPreviewEndpoint(env: TEnv): Endpoint {
  return {
    path: PREVIEW_ROUTE,
    method: "get",
    handler: answer({ name: "site preview" }, async (req) => {
      if (!req.user) throw new Refusal("unauthorized");
      if (!hasRole(req, "admin", "editor", "sales")) throw new Refusal("forbidden");
      const target = parseDocumentParam(req.searchParams.get("doc"));
      if (!target) {
        throw new Refusal("validation_failed", {
          fields: { doc: "没有这个可预览的页面 / No such page to preview" },
        });
      }
      const builder = previewBuilderFor(env, (message) => req.payload.logger.info(message));
      if (!builder) throw new Refusal("publishing_not_configured");
      const doc = await readDraft(req, target);
      const source = "global" in target ? `globals/${target.global}` : target.collection;
      const build = builder.request(`${documentParam(target)}@${String(doc.updatedAt)}`, {
        source,
        doc,
      });
      if (build.state === "ready") {
        const location = `/api${PREVIEW_ROUTE}/${build.token}${sitePathOf(target, doc)}`;
        return new Response(null, {
          status: 303,
          headers: { ...PREVIEW_HEADERS, Location: location },
        });
      }
      return waitingPage(build);
    }),
  };
}

/** 生成预览中… (reloads itself every second) or why the preview could not be built. */
function waitingPage(build: TPreviewBuild): Response {
  const failed = build.state === "failed";
  const seconds = Math.round((Date.now() - build.startedAt) / 1000);
  const body = failed
    ? `<h1>预览生成失败</h1><p>草稿中有网站无法显示的内容(例如必填项为空)。请检查后保存草稿,再点「预览」。</p><details><summary>构建日志</summary><pre>${escapeHtml(build.error ?? "")}</pre></details>`
    : `<h1 data-preview-waiting>生成预览中…</h1><p>正在用草稿生成真实的网站页面,通常需要几秒钟(已用 ${seconds} 秒)。完成后自动打开。</p>`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">${failed ? "" : '<meta http-equiv="refresh" content="1">'}<title>${failed ? "预览生成失败" : "生成预览中…"}</title><style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2933}pre{white-space:pre-wrap;font-size:13px}</style></head><body>${body}</body></html>`;
  return new Response(html, {
    status: failed ? 422 : 200,
    headers: { ...PREVIEW_HEADERS, "Content-Type": "text/html; charset=utf-8" },
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const LINK_REFUSED = {
  "zh-CN": "预览链接无效或已过期,请在后台重新点「预览」",
  en: "This preview link is invalid or has expired; open the preview again from the admin",
};

export function servePreviewEndpoint(env: TEnv): Endpoint {
  const linkKey = previewLinkKey(env.PAYLOAD_SECRET);
  return {
    path: `${PREVIEW_ROUTE}/:token/:file*`,
    method: "get",
    handler: answer({ name: "site preview file" }, async (req) => {
      const params = (req.routeParams ?? {}) as { token?: string; file?: string[] | string };
      const verified = verifyPreviewToken(linkKey, String(params.token ?? ""), Date.now());
      if (!verified.ok) throw new Refusal("forbidden", { says: LINK_REFUSED });
      const root = path.join(env.SITE_PREVIEW_DIR, verified.buildId);
      const parts = Array.isArray(params.file) ? params.file : params.file ? [params.file] : [];
      const file = await previewFile(root, parts.join("/"));
      if (!file) throw new Refusal("not_found");
      const type =
        SITE_CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      const bytes = await fs.readFile(file);
      const body = isText(type)
        ? withLinkBase(bytes.toString("utf8"), String(params.token))
        : new Uint8Array(bytes);
      return new Response(body, { headers: { ...PREVIEW_HEADERS, "Content-Type": type } });
    }),
  };
}

const isText = (type: string) => type.startsWith("text/") || /[/+](json|xml)\b/.test(type);

/**
 * Every preview is built under one base path (previewBuilds.ts says why); its pages' links,
 * scripts and styles go to the signed link they were opened with.
 */
const BUILT_BASE = `/api${PREVIEW_ROUTE}/${PREVIEW_BASE_SEGMENT}`;
const withLinkBase = (text: string, token: string) =>
  text.replaceAll(BUILT_BASE, `/api${PREVIEW_ROUTE}/${token}`);

/** The build's file for a request path: the file, or a folder's index.html; nothing outside it. */
async function previewFile(root: string, relative: string): Promise<string | undefined> {
  const file = path.join(root, path.normalize(`/${relative}`));
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return undefined;
  for (const candidate of [file, path.join(file, "index.html")]) {
    const info = await fs.stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

export function previewEndpoints(env: TEnv): Endpoint[] {
  return [startPreviewEndpoint(env), servePreviewEndpoint(env)];
}
