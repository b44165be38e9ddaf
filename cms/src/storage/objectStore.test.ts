/** The S3_* variables: all four or none, the region's default, and path or virtual-hosted style. */
import { describe, expect, it } from "vitest";
import { parseEnv, type TEnv } from "../env.ts";
import { objectStoreBackupNotice, objectStoreOf, usesPathStyle } from "./objectStore.ts";

const OSS = {
  S3_ENDPOINT: "https://oss-cn-shanghai.aliyuncs.com",
  S3_BUCKET: "beian-files",
  S3_ACCESS_KEY_ID: "LTAI-test",
  S3_SECRET_ACCESS_KEY: "secret",
};

function parsed(source: Record<string, string>): TEnv {
  const result = parseEnv(source);
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe("object store settings", () => {
  it("is the local disk when no S3_* is set (or only empty ones)", () => {
    expect(objectStoreOf(parsed({}))).toBeUndefined();
    expect(objectStoreOf(parsed({ S3_ENDPOINT: "", S3_BUCKET: "" }))).toBeUndefined();
  });

  it("refuses some of the four without the others, naming what is missing", () => {
    const result = parseEnv({ S3_ENDPOINT: OSS.S3_ENDPOINT, S3_BUCKET: OSS.S3_BUCKET });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain("S3_ENDPOINT");
    expect(result.error).toMatch(/missing: S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY$/m);
  });

  it("names OSS's store with its region and the bucket in the host name", () => {
    expect(objectStoreOf(parsed(OSS))).toEqual({
      endpoint: OSS.S3_ENDPOINT,
      bucket: "beian-files",
      region: "oss-cn-hangzhou",
      accessKeyId: "LTAI-test",
      secretAccessKey: "secret",
      forcePathStyle: false,
    });
    expect(objectStoreOf(parsed({ ...OSS, S3_REGION: "oss-cn-shanghai" }))?.region).toBe(
      "oss-cn-shanghai",
    );
  });

  it("puts the bucket in the path for a local server, or when told to", () => {
    expect(usesPathStyle("http://127.0.0.1:9000", undefined)).toBe(true);
    expect(usesPathStyle("http://localhost:9000", undefined)).toBe(true);
    expect(usesPathStyle("http://[::1]:9000", undefined)).toBe(true);
    expect(usesPathStyle("http://10.0.0.5:9000", undefined)).toBe(true);
    expect(usesPathStyle("https://oss-cn-hangzhou.aliyuncs.com", undefined)).toBe(false);
    expect(usesPathStyle("https://minio.internal.example", "true")).toBe(true);
    expect(usesPathStyle("http://127.0.0.1:9000", "false")).toBe(false);
    expect(parseEnv({ S3_FORCE_PATH_STYLE: "yes" }).ok).toBe(false);
  });

  it("has backups say that the files are in the bucket, not in the snapshot", () => {
    expect(objectStoreBackupNotice(parsed({}))).toBeUndefined();
    expect(objectStoreBackupNotice(parsed(OSS))).toMatch(
      /bucket "beian-files" .* NOT in this snapshot/,
    );
  });
});
