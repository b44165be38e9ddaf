/**
 * A Payload plugin that keeps the files of some upload collections in an S3-compatible bucket
 * instead of their `staticDir`, through Payload's storage interface: `disableLocalStorage`, a hook
 * that stores what an upload brings (the file and its image sizes) and one that deletes it with
 * its document, and an `upload.handlers` entry that serves it. Payload keeps checking access before
 * any file is served (`/api/<collection>/file/<name>`); objects are private (no ACL is sent, the
 * bucket's default applies) and no signed or public URL is ever handed out.
 *
 * Why not `@payloadcms/storage-s3`: the registry has no release of it matching our payload 3.90.2,
 * and 3.90.1 trips Payload's own version check (an unhandled "Mismatching payload dependency
 * versions" in every non-production process, tests and scripts included) and brings a second,
 * unpatched `@payloadcms/ui`. This is the part of it we use; swap it for the official adapter
 * once a matching release exists (the keys below are the adapter's `<collection>/<filename>`).
 */
import { readFile } from "node:fs/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import {
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionConfig,
  headersWithCors,
  type PayloadRequest,
  type Plugin,
} from "payload";
import { objectStoreClient, type TObjectStore } from "./objectStore.ts";

type TUploadConfig = Exclude<CollectionConfig["upload"], boolean | undefined>;
type TUploadHandler = NonNullable<TUploadConfig["handlers"]>[number];

/** Served with an SVG or XML file, as Payload does for its own files: no scripts run in it. */
const UPLOAD_CONTENT_SECURITY_POLICY = "script-src 'none'; frame-src 'none'; object-src 'none'";

/** One folder per collection: media and customers' materials share a bucket, never a key. */
export function objectKey(collection: string, filename: string): string {
  return `${collection}/${filename}`;
}

type TStoredSize = { filename?: string | null; mimeType?: string | null } | null | undefined;
type TUploadDoc = {
  filename?: string | null;
  mimeType?: string | null;
  sizes?: Record<string, TStoredSize> | null;
};

/** The names of a document's files: the original and each generated image size. */
function fileNamesOf(doc: TUploadDoc | undefined): string[] {
  if (!doc?.filename) return [];
  const sizes = Object.values(doc.sizes ?? {}).map((size) => size?.filename);
  return [doc.filename, ...sizes].filter((name): name is string => Boolean(name));
}

type TIncomingFile = { filename: string; mimeType: string; body: Buffer };

/** What this request uploads for `doc`: the file and the image sizes Payload generated from it. */
async function incomingFiles(req: PayloadRequest, doc: TUploadDoc): Promise<TIncomingFile[]> {
  const { file } = req;
  if (!file || !doc.filename) return [];
  const body = file.tempFilePath ? await readFile(file.tempFilePath) : file.data;
  const mimeType = doc.mimeType ?? file.mimetype;
  const files = [{ filename: doc.filename, mimeType, body }];
  for (const [name, size] of Object.entries(doc.sizes ?? {})) {
    const resized = req.payloadUploadSizes?.[name];
    if (resized && size?.filename)
      files.push({
        filename: size.filename,
        mimeType: size.mimeType ?? mimeType,
        body: resized,
      });
  }
  return files;
}

/**
 * Puts the uploaded files in the bucket, inside the document's transaction: a failed put fails
 * the save, so no document points at a file that is not there. A replaced file is deleted after
 * its successor is stored.
 */
function storeUploadedFiles(client: S3Client, bucket: string): CollectionAfterChangeHook {
  return async ({ collection, doc, previousDoc, operation, req }) => {
    const files = await incomingFiles(req, doc);
    if (files.length === 0) return doc;
    await Promise.all(
      files.map((file) =>
        client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: objectKey(collection.slug, file.filename),
            Body: file.body,
            ContentLength: file.body.length,
            ContentType: file.mimeType,
          }),
        ),
      ),
    );
    if (operation === "update") {
      const stored = new Set(files.map((file) => file.filename));
      const replaced = fileNamesOf(previousDoc).filter((name) => !stored.has(name));
      await deleteObjects(client, bucket, collection.slug, replaced);
    }
    return doc;
  };
}

/**
 * Deletes a document's files with it. A failure fails the delete (and its transaction): a
 * customer's document must not outlive its record unnoticed; the next try deletes both.
 */
function deleteStoredFiles(client: S3Client, bucket: string): CollectionAfterDeleteHook {
  return async ({ collection, doc }) => {
    await deleteObjects(client, bucket, collection.slug, fileNamesOf(doc));
  };
}

/**
 * One DeleteObject per file: the batch call needs a request checksum, which this SDK sends as
 * CRC32 where OSS asks for Content-MD5.
 */
async function deleteObjects(
  client: S3Client,
  bucket: string,
  collection: string,
  filenames: string[],
): Promise<void> {
  await Promise.all(
    filenames.map((filename) =>
      client.send(
        new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(collection, filename) }),
      ),
    ),
  );
}

/** A file name Payload generated: no folder part, so no key outside the collection's folder. */
function isPlainFilename(filename: string): boolean {
  return filename !== "" && filename !== "." && filename !== ".." && !/[/\\]/.test(filename);
}

const notFound = (req: PayloadRequest) =>
  Response.json(
    { errors: [{ message: "Not Found" }] },
    { status: 404, headers: headersWithCors({ headers: new Headers(), req }) },
  );

/**
 * Serves a stored file for `GET /api/<collection>/file/<name>`, after Payload's access check,
 * with a byte range when one is asked for.
 */
function serveStoredFile(client: S3Client, bucket: string): TUploadHandler {
  return async (req, { params }) => {
    if (!isPlainFilename(params.filename)) return notFound(req);
    const range = req.headers.get("range") ?? undefined;
    try {
      const object = await client.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: objectKey(params.collection, params.filename),
          Range: range,
        }),
      );
      const contentType = object.ContentType ?? "application/octet-stream";
      const headers = new Headers({
        "Content-Type": contentType,
        "Accept-Ranges": "bytes",
        "X-Content-Type-Options": "nosniff",
      });
      if (object.ContentLength !== undefined)
        headers.set("Content-Length", String(object.ContentLength));
      if (object.ContentRange) headers.set("Content-Range", object.ContentRange);
      if (object.ETag) headers.set("ETag", object.ETag);
      if (object.LastModified) headers.set("Last-Modified", object.LastModified.toUTCString());
      if (/xml/.test(contentType))
        headers.set("Content-Security-Policy", UPLOAD_CONTENT_SECURITY_POLICY);
      return new Response(object.Body?.transformToWebStream() ?? null, {
        status: object.ContentRange ? 206 : 200,
        headers: headersWithCors({ headers, req }),
      });
    } catch (error) {
      const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : 0;
      if (status === 404) return notFound(req);
      if (status === 416) return new Response(null, { status: 416 });
      throw error;
    }
  };
}

function storeInBucket(
  collection: CollectionConfig,
  client: S3Client,
  bucket: string,
): CollectionConfig {
  const upload = typeof collection.upload === "object" ? collection.upload : {};
  return {
    ...collection,
    upload: {
      ...upload,
      disableLocalStorage: true,
      handlers: [...(upload.handlers ?? []), serveStoredFile(client, bucket)],
    },
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), storeUploadedFiles(client, bucket)],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), deleteStoredFiles(client, bucket)],
    },
  };
}

/** Keeps the files of the `slugs` upload collections in the object store. */
export function objectStoragePlugin(store: TObjectStore, slugs: readonly string[]): Plugin {
  const client = objectStoreClient(store);
  return (config) => {
    const collections = config.collections ?? [];
    for (const slug of slugs) {
      const collection = collections.find((candidate) => candidate.slug === slug);
      if (!collection?.upload)
        throw new Error(`object storage: "${slug}" is not an upload collection of this config`);
    }
    return {
      ...config,
      collections: collections.map((collection) =>
        slugs.includes(collection.slug)
          ? storeInBucket(collection, client, store.bucket)
          : collection,
      ),
    };
  };
}
