/**
 * Astro content-layer loaders over the CMS's REST API. Each build replaces a collection's
 * entries with what the CMS publishes now (deleted documents disappear), validates them against the
 * collection's schema, and refuses to go on with fewer documents than the site needs.
 */
import type { LoaderContext } from "astro/loaders";
import { siteEnv } from "../env.ts";
import { CmsError, fetchAll, fetchCms } from "./cms.ts";
import { globalWithDraft, withDraft } from "./previewDraft.ts";

/** What these loaders use of Astro's loader context (so a test can run them without Astro). */
export type TLoadContext = Pick<LoaderContext, "parseData" | "generateDigest"> & {
  store: Pick<LoaderContext["store"], "clear" | "set">;
  logger: Pick<LoaderContext["logger"], "info">;
};

/** An Astro `Loader`: one that asks for less of the context than Astro gives it. */
export type TPayloadLoader = { name: string; load: (context: TLoadContext) => Promise<void> };

type TCollectionOptions = {
  /** The field that identifies a document on the site (a slug, key or anchor). */
  idField: string;
  /** Fewer published documents than this is an error, not an empty section. */
  minimum: number;
  /** The fields the site reads (its schema's): the only ones asked of the CMS. */
  fields: readonly string[];
  /** What is stored of a checked document, when not all of it (the cases' QR codes: qrCodes.ts). */
  toStore?: (data: Record<string, unknown>) => Record<string, unknown>;
};

export function payloadCollection(
  slug: string,
  { idField, minimum, fields, toStore = (data) => data }: TCollectionOptions,
): TPayloadLoader {
  return {
    name: `payload:${slug}`,
    load: async ({ store, parseData, generateDigest, logger }) => {
      if (siteEnv().SITE_TYPECHECK_ONLY) return;
      const docs = withDraft(slug, await fetchAll(slug, fields));
      if (docs.length < minimum) {
        throw new CmsError(
          `The CMS publishes ${docs.length} ${slug}, the site needs at least ${minimum}: refusing to build a half site`,
        );
      }
      store.clear();
      for (const doc of docs) {
        // A blank slug or key names no entry in the error message: the document's id does.
        const id = String(doc[idField] || doc.id);
        const data = toStore(await parseData({ id, data: doc }));
        store.set({ id, data, digest: generateDigest(doc) });
      }
      logger.info(`${docs.length} ${slug}`);
    },
  };
}

/** A global becomes a collection with the single entry `main`. */
export function payloadGlobal(slug: string): TPayloadLoader {
  return {
    name: `payload:global:${slug}`,
    load: async ({ store, parseData, generateDigest }) => {
      if (siteEnv().SITE_TYPECHECK_ONLY) return;
      const doc = globalWithDraft(
        slug,
        await fetchCms<Record<string, unknown>>(`/globals/${slug}?depth=1`),
      );
      if (!doc.updatedAt) {
        throw new CmsError(`The CMS has never published the ${slug} global: refusing to build`);
      }
      store.clear();
      store.set({
        id: "main",
        data: await parseData({ id: "main", data: doc }),
        digest: generateDigest(doc),
      });
    },
  };
}
