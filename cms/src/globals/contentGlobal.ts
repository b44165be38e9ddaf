/**
 * The head of the globals the site shows (site settings, landing page): the content collections'
 * drafts and access (`../collections/contentCollection.ts`), listed under 页面 in the admin.
 * A global is never created or deleted, so only reading and updating are ruled.
 */
import type { GlobalConfig } from "payload";
import { contentAccess } from "../access/index.ts";
import { draftVersions, PAGES_GROUP } from "../collections/contentCollection.ts";

type TContentGlobal = Omit<GlobalConfig, "access" | "versions" | "admin">;

export function contentGlobal(global: TContentGlobal): GlobalConfig {
  return {
    ...global,
    admin: { group: PAGES_GROUP },
    access: {
      read: contentAccess.read,
      readVersions: contentAccess.readVersions,
      update: contentAccess.update,
    },
    versions: draftVersions,
  };
}
