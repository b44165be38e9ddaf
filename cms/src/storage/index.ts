/**
 * Where the upload collections keep their files, chosen by the environment (CONTRACT §2): the
 * S3-compatible object store the S3_* variables name, or the local disk when they are unset.
 */
import type { CollectionSlug, Plugin } from "payload";
import type { TEnv } from "../env.ts";
import { objectStoragePlugin } from "./objectStorage.ts";
import { objectStoreOf } from "./objectStore.ts";

export { readStoredFile } from "./readStoredFile.ts";

/** The plugins that move these collections' files to the object store; none for local disk. */
export function storagePlugins(env: TEnv, slugs: readonly CollectionSlug[]): Plugin[] {
  const store = objectStoreOf(env);
  return store ? [objectStoragePlugin(store, slugs)] : [];
}
