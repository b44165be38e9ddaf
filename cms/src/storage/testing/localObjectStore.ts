/**
 * A local S3-compatible server for tests (`@20minutes/s3rver`, in this process, on 127.0.0.1 and
 * a free port, files in a throw-away folder), that checks every request's signature against its
 * own key pair and keeps a log of the requests, and the S3_* variables that point the CMS at it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "@20minutes/s3rver";
import { DUMMY_ACCOUNT } from "@20minutes/s3rver/lib/models/account.js";
import { GetObjectCommand, NoSuchKey, type S3Client } from "@aws-sdk/client-s3";
import { objectStoreClient } from "../objectStore.ts";

const ACCESS_KEY_ID = "beian-test-key";
const SECRET_ACCESS_KEY = "beian-test-secret-0123456789";

/** Marks the helper's own look into the bucket, kept out of `requests`. */
const OWN_REQUEST = "x-beian-test-listing";

export type TObjectRequest = { method: string; url: string; headers: IncomingHttpHeaders };

export type TLocalObjectStore = {
  /** S3_ENDPOINT, S3_BUCKET and both keys, for `startSeededServer` / `createTestPayload`. */
  env: Record<string, string>;
  bucket: string;
  /** A client of its own, to look into the bucket as an operator would. */
  client: S3Client;
  /** Every request the server received (but the helper's own listings), oldest first. */
  requests: TObjectRequest[];
  /** The bucket's keys under `prefix`. */
  keys: (prefix?: string) => Promise<string[]>;
  /** The object's bytes, or undefined when there is no such key. */
  bytes: (key: string) => Promise<Buffer | undefined>;
  close: () => Promise<void>;
};

export async function startLocalObjectStore(bucket = "beian-test"): Promise<TLocalObjectStore> {
  const directory = await mkdtemp(path.join(tmpdir(), "beian-s3-"));
  DUMMY_ACCOUNT.createKeyPair(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket }] });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const requests: TObjectRequest[] = [];
  const server = createServer((req, res) => {
    if (!req.headers[OWN_REQUEST])
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const env = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
  };
  const client = objectStoreClient({
    endpoint: env.S3_ENDPOINT,
    bucket,
    region: "oss-cn-hangzhou",
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    forcePathStyle: true,
  });
  return {
    env,
    bucket,
    client,
    requests,
    keys: async (prefix = "") => {
      // A plain listing request: s3rver checks the SDK's signature of a bucket listing against
      // another canonical path (`/bucket` for `/bucket/`) and refuses it; unsigned, it answers.
      const listing = new URL(`${env.S3_ENDPOINT}/${bucket}`);
      listing.search = new URLSearchParams({ "list-type": "2", prefix }).toString();
      const xml = await (await fetch(listing, { headers: { [OWN_REQUEST]: "1" } })).text();
      return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) => match[1] ?? "").sort();
    },
    bytes: async (key) => {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    close: async () => {
      client.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
