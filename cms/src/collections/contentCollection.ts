/**
 * The head every content collection shares (in the spirit of Payload's website template): marketing
 * works in drafts and publishes, the site and the public API read published documents only, staff
 * read drafts and versions, editors write. A content collection says only what it holds.
 *
 * The site publisher's hooks are not part of the head: they need the environment, so `config.ts`
 * adds them (`publishesSite`) where it lists the collections.
 */
import type { CollectionConfig } from "payload";
import { contentAccess } from "../access/index.ts";

/** The admin's navigation groups the site's content is edited in. */
const CONTENT_GROUP = { zh: "内容", en: "Content" } as const;
export const PAGES_GROUP = { zh: "页面", en: "Pages" } as const;

/** Marketing works in drafts and publishes; the site and the public API only ever see published. */
export const draftVersions = {
  drafts: true,
  maxPerDoc: 50,
} as const;

type TContentCollection = Omit<CollectionConfig, "access" | "versions">;

/** A content collection: listed under 内容 in the admin unless it names another group. */
export function contentCollection({ admin, ...collection }: TContentCollection): CollectionConfig {
  return {
    ...collection,
    admin: { ...admin, group: admin?.group ?? CONTENT_GROUP },
    access: contentAccess,
    versions: draftVersions,
  };
}
