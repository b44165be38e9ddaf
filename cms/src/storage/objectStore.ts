/**
 * Where uploaded files live: an S3-compatible object store (Alibaba Cloud OSS in production) when
 * the S3_* variables are set, the local disk (each upload collection's `staticDir`) otherwise.
 */
import { isIP } from "node:net";
import { S3Client } from "@aws-sdk/client-s3";
import { isLoopbackHost, type TEnv } from "../env.ts";

export type TObjectStore = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

/** The object store the environment names, or undefined for the local disk. */
export function objectStoreOf(env: TEnv): TObjectStore | undefined {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  // env.ts has made sure these come all together or not at all.
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) return undefined;
  return {
    endpoint: S3_ENDPOINT,
    bucket: S3_BUCKET,
    region: env.S3_REGION,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    forcePathStyle: usesPathStyle(S3_ENDPOINT, env.S3_FORCE_PATH_STYLE),
  };
}

/**
 * OSS (like AWS) addresses a bucket by host name (`bucket.oss-cn-hangzhou.aliyuncs.com`) and
 * refuses the bucket in the path; a local server on `127.0.0.1:PORT` has no such host names. So
 * path style for a loopback or IP-address endpoint unless S3_FORCE_PATH_STYLE says otherwise.
 */
export function usesPathStyle(endpoint: string, explicit: string | undefined): boolean {
  if (explicit !== undefined) return explicit === "true" || explicit === "1";
  const host = new URL(endpoint).hostname.replace(/^\[(.*)\]$/, "$1");
  return isLoopbackHost(host) || isIP(host) !== 0;
}

export function objectStoreClient(store: TObjectStore): S3Client {
  return new S3Client({
    endpoint: store.endpoint,
    region: store.region,
    forcePathStyle: store.forcePathStyle,
    credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey },
    // The SDK's default CRC checksums (trailing, aws-chunked) are an AWS extension that
    // S3-compatible stores do not all speak; checksums only where the operation requires them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * What `pnpm backup` says when uploads live in the object store: a snapshot copies MEDIA_DIR and
 * MATERIALS_DIR, not the bucket, which is kept by the store's own versioning and backup.
 */
export function objectStoreBackupNotice(env: TEnv): string | undefined {
  const store = objectStoreOf(env);
  if (!store) return undefined;
  return (
    `S3_* are set: uploaded files (media, customers' materials) are objects in bucket ` +
    `"${store.bucket}" at ${store.endpoint} and are NOT in this snapshot. The bucket keeps them ` +
    "through its own versioning and backup (README, Operations: backup and restore)."
  );
}
