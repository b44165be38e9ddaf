/**
 * Whether a document's last publish is on the live site yet — what its edit view shows beside
 * 发布: 网站更新中… while the build that carries it is scheduled or running, then 已上线 (用时 N 秒)
 * with a link to its page, or 更新失败 with the reason.
 *
 * A build carries every change saved before it started (it reads the CMS when it starts), so the
 * first successful build that started after the document's last published version is the one
 * that put it live, and "用时" runs from that publish to that build's end.
 */
import type { PayloadRequest } from "payload";
import { sitePathOf, type TSiteDocument } from "../preview/sitePages.ts";
import type { TBuildRecord, TSitePublisher } from "./publisher.ts";

export type TDocumentPublishStatus =
  | { state: "unpublished" }
  | { state: "updating"; publishedAt: string }
  | { state: "live"; publishedAt: string; seconds: number | null; url: string }
  | { state: "failed"; publishedAt: string; error: string; url: string };

/** When the document's latest published version was saved, or undefined if it never was. */
async function lastPublishedAt(
  req: PayloadRequest,
  target: TSiteDocument,
): Promise<{ at: number; doc: Record<string, unknown> } | undefined> {
  const published = { "version._status": { equals: "published" } } as const;
  const common = { sort: "-updatedAt", limit: 1, depth: 0, overrideAccess: false, req } as const;
  const { docs } =
    "global" in target
      ? await req.payload.findGlobalVersions({ slug: target.global, where: published, ...common })
      : await req.payload.findVersions({
          collection: target.collection,
          where: { and: [{ parent: { equals: target.id } }, published] },
          ...common,
        });
  const latest = docs[0];
  if (!latest) return undefined;
  return {
    at: new Date(latest.updatedAt).getTime(),
    doc: latest.version as unknown as Record<string, unknown>,
  };
}

/** The status from the publisher's builds, given when the document was last published. */
export function statusFromBuilds(
  publishedAt: number,
  builds: readonly TBuildRecord[],
  busy: boolean,
  url: string,
): TDocumentPublishStatus {
  const since = builds.filter((build) => build.startedAt >= publishedAt);
  const live = since.find((build) => build.ok === true);
  const at = new Date(publishedAt).toISOString();
  if (live?.finishedAt) {
    return {
      state: "live",
      publishedAt: at,
      seconds: Math.max(1, Math.round((live.finishedAt - publishedAt) / 1000)),
      url,
    };
  }
  if (busy) return { state: "updating", publishedAt: at };
  const failed = [...since].reverse().find((build) => build.ok === false);
  if (failed) return { state: "failed", publishedAt: at, error: failed.error ?? "", url };
  // No build of this process came after it and none is pending: it was published before this
  // process started, and the site built at start carries it.
  return { state: "live", publishedAt: at, seconds: null, url };
}

export async function documentPublishStatus(
  req: PayloadRequest,
  target: TSiteDocument,
  publisher: TSitePublisher,
  siteUrl: string,
): Promise<TDocumentPublishStatus> {
  const published = await lastPublishedAt(req, target);
  if (!published) return { state: "unpublished" };
  const url = new URL(sitePathOf(target, published.doc), `${siteUrl.replace(/\/$/, "")}/`).href;
  return statusFromBuilds(published.at, publisher.history(), publisher.busy(), url);
}
