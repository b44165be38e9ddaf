/**
 * The CMS's configuration, parsed once from the environment (CONTRACT §2).
 * Nothing else in `cms/` reads `process.env`; everything takes what it needs from here.
 */

import { isIPv4 } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEV_LOGINS } from "./devLogins.ts";

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Development-only defaults. Production refuses them, and development is refused off loopback
 * (`developmentHostRefusal`), so they only ever serve the machine they run on.
 */
export const DEV_PAYLOAD_SECRET = "beian-dev-secret-do-not-use-in-production";
export const DEV_ADMIN_EMAIL = DEV_LOGINS.admin.email;
export const DEV_ADMIN_PASSWORD = DEV_LOGINS.admin.password;
/** 32 bytes, base64: encrypts customers' documents on a development machine only. */
export const DEV_MATERIALS_KEY = "YmVpYW4tZGV2LW1hdGVyaWFscy1rZXktMzItYnl0ZSE=";

/** An AES-256 key as the environment gives it: 32 bytes, base64. */
const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64");

/** 127.0.0.0/8, `::1` and `localhost`: a host only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  if (name === "localhost" || name === "::1") return true;
  return isIPv4(name) && name.startsWith("127.");
}

/**
 * Why development settings may not serve this host, or undefined when they may. Development seeds
 * accounts whose passwords the README prints and signs sessions with a public secret: on a host
 * others can reach, anyone could log in and read every lead. `pnpm start` asks the same question
 * before it builds anything.
 */
export function developmentHostRefusal(
  nodeEnv: string | undefined,
  host: string,
): string | undefined {
  if (nodeEnv === "production" || isLoopbackHost(host)) return undefined;
  return (
    `${host} is reachable from other machines, and development settings (published logins, public secret) ` +
    "only run on loopback: set NODE_ENV=production with a private PAYLOAD_SECRET and CMS_ADMIN_PASSWORD, " +
    "or HOST=127.0.0.1"
  );
}

const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((value) => value === "true" || value === "1");

const port = z.coerce.number().int().min(0).max(65535);

/** The variables that select the object store: all of them, or none. */
export const OBJECT_STORE_VARIABLES = [
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
] as const;

/** Why the object store settings are half there (an upload would go nowhere), or undefined. */
function partialObjectStore(
  env: Partial<Record<(typeof OBJECT_STORE_VARIABLES)[number], string>>,
): string | undefined {
  const missing = OBJECT_STORE_VARIABLES.filter((name) => !env[name]);
  if (missing.length === 0 || missing.length === OBJECT_STORE_VARIABLES.length) return undefined;
  return (
    `${OBJECT_STORE_VARIABLES.join(", ")} are set together (an S3-compatible object store for ` +
    `uploads) or none of them (local disk); missing: ${missing.join(", ")}`
  );
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URI: z
      .string()
      .refine(
        (uri) => /^(file:|mongodb:\/\/|mongodb\+srv:\/\/)/.test(uri),
        "must start with file: (SQLite) or mongodb:// / mongodb+srv:// (MongoDB)",
      ),
    /** Schema push instead of migrations: for `pnpm dev` and tests only, never in production. */
    PAYLOAD_DB_PUSH: booleanString,
    PAYLOAD_SECRET: z.string().min(16).default(DEV_PAYLOAD_SECRET),
    HOST: z.string().default("127.0.0.1"),
    CMS_PORT: port.default(3000),
    SITE_PORT: port.default(4321),
    CMS_URL: z.url().default("http://127.0.0.1:3000"),
    SITE_URL: z.url().default("http://127.0.0.1:4321"),
    CMS_ADMIN_EMAIL: z.email().default(DEV_ADMIN_EMAIL),
    CMS_ADMIN_PASSWORD: z.string().min(12).default(DEV_ADMIN_PASSWORD),
    MEDIA_DIR: z.string().default(path.join(cmsDir, "media")),
    /** Customers' uploaded documents (encrypted at rest); backed up with the database and media. */
    MATERIALS_DIR: z.string().default(path.join(cmsDir, "materials")),
    /** Encrypts new documents (AES-256-GCM; src/materials/encryption.ts). */
    MATERIALS_ENCRYPTION_KEY: base64Key.default(DEV_MATERIALS_KEY),
    /**
     * Keys that encrypted older documents, comma-separated: after a key change they are still read
     * (each file names its key) until `pnpm --filter @beian/cms materials:rekey` re-encrypts them.
     */
    MATERIALS_PREVIOUS_KEYS: z
      .string()
      .default("")
      .transform((list) =>
        list
          .split(",")
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .pipe(z.array(base64Key)),
    /** Days a document is kept after its order ended (police filing done, rejected, cancelled). */
    MATERIALS_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    /** Where `pnpm backup` and the nightly backup write their snapshots (`cms/src/backup/`). */
    BACKUP_DIR: z.string().default(path.join(cmsDir, "backups")),
    /** How many nightly snapshots are kept; manual ones are the operator's to delete. */
    BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().default("https://api.resend.com"),
    EMAIL_FROM: z.string().default("小程序备案中心 <noreply@beian.example.com>"),
    SALES_INBOX: z.email().default("sales@beian.example.com"),
    /** A request to Resend that takes longer than this counts as failed (and is retried). */
    EMAIL_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /**
     * First retry delay of an email that failed; each further retry waits twice as long. With the
     * defaults (30 s, 10 retries) an email keeps being retried for about 8.5 hours.
     */
    EMAIL_RETRY_DELAY_MS: z.coerce.number().int().positive().default(30_000),
    EMAIL_RETRY_ATTEMPTS: z.coerce.number().int().min(0).default(10),
    /**
     * How long a send job, its own email sent, keeps sending the next batches while emails wait
     * (src/email/drainBacklog.ts): a backlog drains at Resend's rate instead of a tick's. 0: only
     * its own. Never more than half of JOBS_STALLED_AFTER_MS.
     */
    EMAIL_DRAIN_MS: z.coerce.number().int().min(0).default(30_000),
    /**
     * Alibaba Cloud SMS (dysmsapi `SendSms`, src/sms/). Without both keys text messages stay in the
     * outbox as "not sent (no key)", like emails without RESEND_API_KEY.
     */
    SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
    SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
    /** dysmsapi's base URL; a local stand-in in tests (`http://127.0.0.1:PORT`). */
    SMS_ENDPOINT: z.url().default("https://dysmsapi.aliyuncs.com"),
    /** The approved signature (签名) every message is sent under. */
    SMS_SIGN_NAME: z.string().min(1).default("小程序备案中心"),
    /** The approved template of the sign-in code message (param `code`); the others are set in the CMS. */
    SMS_TEMPLATE_LOGIN: z.string().min(1).default("SMS_LOGIN_DEV"),
    /**
     * An S3-compatible object store (Alibaba Cloud OSS in production) for the upload collections'
     * files (src/storage/): endpoint, bucket and both keys together, or none of them (local disk:
     * MEDIA_DIR, MATERIALS_DIR). OSS's S3 API signs with the region as `oss-cn-hangzhou`.
     */
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("oss-cn-hangzhou"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /**
     * Bucket in the path (`endpoint/bucket/key`) instead of the host name (`bucket.endpoint/key`).
     * Unset: path style for a loopback or IP-address endpoint (a local server), virtual-hosted
     * style otherwise (OSS accepts only that).
     */
    S3_FORCE_PATH_STYLE: z.enum(["true", "false", "1", "0"]).optional(),
    /** A SendSms request that takes longer than this counts as failed (and is retried). */
    SMS_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** First retry delay of a text message that failed; each further retry waits twice as long. */
    SMS_RETRY_DELAY_MS: z.coerce.number().int().positive().default(30_000),
    SMS_RETRY_ATTEMPTS: z.coerce.number().int().min(0).default(10),
    /**
     * Whether this process runs queued jobs (emails) on a timer. `false` on web instances when a
     * separate worker (`pnpm --filter @beian/cms jobs:worker`) runs them; scripts and tests never do.
     */
    JOBS_AUTORUN: booleanString.default(true),
    /** How often queued jobs are picked up (cron with seconds). */
    JOBS_CRON: z.string().default("*/5 * * * * *"),
    /**
     * A job still marked "processing" this long after it was picked up was left by a process that
     * died (kill, crash, deploy): job runners release it before they pick jobs up, so it runs again
     * (src/email/reclaimStalledJobs.ts). Far longer than a job can run: a send gives up after
     * EMAIL_SEND_TIMEOUT_MS, and the nightly retention deletes in short batches.
     */
    JOBS_STALLED_AFTER_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 60 * 1000),
    SITE_BUILD_HOOK_URL: z.url().optional(),
    /** The site's sources, for rebuilding it locally on publish (set by `pnpm start`). */
    SITE_DIR: z.string().optional(),
    /**
     * Where previews of drafts are built (`src/preview/`): private to the CMS, outside the site's
     * sources and releases, so a preview is never served or published as the site.
     */
    SITE_PREVIEW_DIR: z.string().default(path.join(tmpdir(), "beian-site-previews")),
    RATE_LIMIT_POINTS: z.coerce.number().int().positive().default(10),
    RATE_LIMIT_DURATION_S: z.coerce.number().int().positive().default(60),
    TRUST_PROXY: booleanString,
    /**
     * Failed staff logins allowed per account from one client address, and per client address
     * across accounts, in a window of LOGIN_THROTTLE_WINDOW_S (collections/Users/hooks/throttleLogins.ts).
     */
    LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
    LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
    /** 15 minutes. */
    LOGIN_THROTTLE_WINDOW_S: z.coerce.number().int().positive().default(900),
  })
  .superRefine((env, ctx) => {
    const hostRefusal = developmentHostRefusal(env.NODE_ENV, env.HOST);
    if (hostRefusal) ctx.addIssue({ code: "custom", path: ["HOST"], message: hostRefusal });
    if (Boolean(env.SMS_ACCESS_KEY_ID) !== Boolean(env.SMS_ACCESS_KEY_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["SMS_ACCESS_KEY_SECRET"],
        message: "SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET are set together, or neither",
      });
    }
    const objectStoreRefusal = partialObjectStore(env);
    if (objectStoreRefusal)
      ctx.addIssue({ code: "custom", path: ["S3_ENDPOINT"], message: objectStoreRefusal });
    if (env.NODE_ENV !== "production") return;
    if (env.PAYLOAD_SECRET === DEV_PAYLOAD_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["PAYLOAD_SECRET"],
        message: "must be set to a private value in production (the development default is public)",
      });
    }
    if (env.MATERIALS_ENCRYPTION_KEY === DEV_MATERIALS_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["MATERIALS_ENCRYPTION_KEY"],
        message: "must be set to a private key in production (the development key is public)",
      });
    }
    if (env.PAYLOAD_DB_PUSH) {
      ctx.addIssue({
        code: "custom",
        path: ["PAYLOAD_DB_PUSH"],
        message: "schema push is for development; production applies the committed migrations",
      });
    }
  });

export type TEnv = z.infer<typeof EnvSchema>;
export type TDatabaseKind = "sqlite" | "mongodb";

export type TEnvResult = { ok: true; data: TEnv } | { ok: false; error: string };

/**
 * Schema push and migrations never share a database (Payload refuses to migrate one that push has
 * touched), so the default file depends on which of the two is in use.
 */
function defaultDatabaseUri(push: string | undefined): string {
  const file = push === "true" || push === "1" ? "dev.db" : "beian.db";
  return `file:${path.join(cmsDir, "data", file)}`;
}

export function parseEnv(source: Record<string, string | undefined>): TEnvResult {
  // An empty variable means "not set": shells and CI files often export KEY= for optional settings.
  const defined = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  defined.DATABASE_URI ??= defaultDatabaseUri(defined.PAYLOAD_DB_PUSH);
  const result = EnvSchema.safeParse(defined);
  if (result.success) return { ok: true, data: result.data };
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  return { ok: false, error: `Invalid environment:\n${lines.join("\n")}` };
}

export function databaseKind(uri: string): TDatabaseKind {
  return uri.startsWith("file:") ? "sqlite" : "mongodb";
}

/**
 * The seed creates the first admin; in production it must not create one with the published
 * development password.
 */
export function adminCredentials(env: TEnv): { email: string; password: string } {
  if (env.NODE_ENV === "production" && env.CMS_ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) {
    throw new Error(
      "CMS_ADMIN_PASSWORD must be set to a private value in production (the development default is public)",
    );
  }
  return { email: env.CMS_ADMIN_EMAIL, password: env.CMS_ADMIN_PASSWORD };
}

let cached: TEnv | undefined;

/** The process's environment, parsed on first use; throws with every problem listed. */
export function env(): TEnv {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) throw new Error(result.error);
  cached = result.data;
  return cached;
}
