/**
 * Wires the site publisher into the config: hooks on everything the site shows, and
 * `POST /api/site/rebuild` for editors. Active when the CMS knows how to publish: a deploy hook
 * (SITE_BUILD_HOOK_URL) or the site's sources for a local build (SITE_DIR, set by `pnpm start`).
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  CollectionSlug,
  Endpoint,
  GlobalAfterChangeHook,
  GlobalConfig,
  Payload,
} from "payload";
import { hasRole } from "../access/index.ts";
import { answer } from "../endpoints/answer.ts";
import { Refusal } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import { previewUrlOf } from "../preview/endpoints.ts";
import {
  PREVIEWED_COLLECTIONS,
  PREVIEWED_GLOBALS,
  parseDocumentParam,
} from "../preview/sitePages.ts";
import { documentPublishStatus } from "./documentStatus.ts";
import { createSitePublisher, type TSitePublisher } from "./publisher.ts";

/** Beside 发布 on every page of the site: 网站更新中… → 已上线 (用时 N 秒) (admin/PublishStatus). */
const PUBLISH_STATUS_COMPONENT = "/admin/PublishStatus/index.tsx#PublishStatus";

const publishers = new WeakMap<Payload, TSitePublisher>();

/** Debounce: one build after edits pause for 1.5 s, at most 5 s after the first edit. */
const QUIET_MS = 1_500;
const MAX_WAIT_MS = 5_000;

function publisherFor(payload: Payload, env: TEnv): TSitePublisher | undefined {
  if (!env.SITE_BUILD_HOOK_URL && !env.SITE_DIR) return undefined;
  let publisher = publishers.get(payload);
  if (!publisher) {
    publisher = createSitePublisher(payload, {
      hookUrl: env.SITE_BUILD_HOOK_URL,
      siteDir: env.SITE_DIR,
      quietMs: QUIET_MS,
      maxWaitMs: MAX_WAIT_MS,
      buildEnv: { CMS_URL: env.CMS_URL, SITE_URL: env.SITE_URL },
    });
    publishers.set(payload, publisher);
  }
  return publisher;
}

/**
 * Whether the site shows this version. A draft saved over a live document leaves the live one as
 * it is (Payload writes only a new version), so only a publish, or an unpublish — the document
 * itself turned draft, read back from the database — rebuilds the site: a document's
 * 网站更新中… / 已上线 then always follows a change visitors will see.
 */
const isLive = (doc: unknown) => {
  const status = (doc as { _status?: string } | null | undefined)?._status;
  return status === undefined || status === "published";
};

/** Adds the rebuild hooks to a collection the site shows (published or unpublished changes). */
export function publishesSite(collection: CollectionConfig, env: TEnv): CollectionConfig {
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
    if (context.sitePublish === "skip") return doc;
    const unpublished = async () => {
      const main = await req.payload.db.findOne<{ id: number | string; _status?: string }>({
        collection: collection.slug as CollectionSlug,
        where: { id: { equals: doc.id } },
        req,
      });
      return !isLive(main);
    };
    if (isLive(doc) || (isLive(previousDoc) && (await unpublished()))) {
      publisherFor(req.payload, env)?.schedule(`${collection.slug}#${doc.id}`);
    }
    return doc;
  };
  const afterDelete: CollectionAfterDeleteHook = ({ doc, req, context }) => {
    if (context.sitePublish !== "skip" && isLive(doc)) {
      publisherFor(req.payload, env)?.schedule(`${collection.slug}#${doc.id} deleted`);
    }
    return doc;
  };
  return {
    ...previewable(collection),
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
    },
  };
}

/**
 * A page of the site gets the admin's 预览 button (`admin.preview`, see src/preview/) and the
 * publish status beside 发布; media, partners and province rules have no draft to preview.
 */
function previewable(collection: CollectionConfig): CollectionConfig {
  const slug = collection.slug as (typeof PREVIEWED_COLLECTIONS)[number];
  if (!(PREVIEWED_COLLECTIONS as readonly string[]).includes(slug)) return collection;
  return {
    ...collection,
    admin: {
      ...collection.admin,
      preview: (doc) =>
        typeof doc.id === "number" || typeof doc.id === "string"
          ? previewUrlOf({ collection: slug, id: doc.id })
          : null,
      components: {
        ...collection.admin?.components,
        edit: {
          ...collection.admin?.components?.edit,
          beforeDocumentControls: [
            ...(collection.admin?.components?.edit?.beforeDocumentControls ?? []),
            PUBLISH_STATUS_COMPONENT,
          ],
        },
      },
    },
  };
}

function previewableGlobal(global: GlobalConfig): GlobalConfig {
  const slug = global.slug as (typeof PREVIEWED_GLOBALS)[number];
  if (!(PREVIEWED_GLOBALS as readonly string[]).includes(slug)) return global;
  return {
    ...global,
    admin: {
      ...global.admin,
      preview: () => previewUrlOf({ global: slug }),
      components: {
        ...global.admin?.components,
        elements: {
          ...global.admin?.components?.elements,
          beforeDocumentControls: [
            ...(global.admin?.components?.elements?.beforeDocumentControls ?? []),
            PUBLISH_STATUS_COMPONENT,
          ],
        },
      },
    },
  };
}

export function globalPublishesSite(global: GlobalConfig, env: TEnv): GlobalConfig {
  const afterChange: GlobalAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
    if (context.sitePublish === "skip") return doc;
    const unpublished = async () =>
      !isLive(await req.payload.db.findGlobal<Record<string, unknown>>({ slug: global.slug, req }));
    if (isLive(doc) || (isLive(previousDoc) && (await unpublished()))) {
      publisherFor(req.payload, env)?.schedule(global.slug);
    }
    return doc;
  };
  return {
    ...previewableGlobal(global),
    hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), afterChange] },
  };
}

/** `POST /api/site/rebuild`: editors and admins can republish by hand. */
export function rebuildEndpoint(env: TEnv): Endpoint {
  return {
    path: "/site/rebuild",
    method: "post",
    handler: answer({ name: "site rebuild" }, async (req) => {
      // Anyone else, logged in or not, has always been told 403.
      if (!hasRole(req, "admin", "editor")) throw new Refusal("forbidden");
      const publisher = publisherFor(req.payload, env);
      if (!publisher) throw new Refusal("publishing_not_configured");
      publisher.schedule("manual rebuild");
      return Response.json({ scheduled: true }, { status: 202 });
    }),
  };
}

/**
 * `GET /api/site/publish-status?doc=landing` (or `doc=faqs:12`): whether the document's last
 * publish is live yet (see documentStatus.ts). Staff only, like the publish-status page.
 */
export function publishStatusEndpoint(env: TEnv): Endpoint {
  return {
    path: "/site/publish-status",
    method: "get",
    handler: answer({ name: "site publish status" }, async (req) => {
      if (!req.user) throw new Refusal("unauthorized");
      if (!hasRole(req, "admin", "editor", "sales")) throw new Refusal("forbidden");
      const target = parseDocumentParam(req.searchParams.get("doc"));
      if (!target) {
        throw new Refusal("validation_failed", {
          fields: { doc: "没有这个网站页面 / No such page of the site" },
        });
      }
      const publisher = publisherFor(req.payload, env);
      if (!publisher) throw new Refusal("publishing_not_configured");
      const status = await documentPublishStatus(req, target, publisher, env.SITE_URL);
      return Response.json(status, { headers: { "Cache-Control": "no-store" } });
    }),
  };
}
