/**
 * The Payload config as a function of the parsed environment, so scripts and tests can build one
 * for any database without touching `process.env`. `payload.config.ts` is the process's instance.
 * Nothing here imports Next: the Local API works from plain Node.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lexicalEditor } from "@payloadcms/richtext-lexical";
import { en } from "@payloadcms/translations/languages/en";
import { zh } from "@payloadcms/translations/languages/zh";
import { buildConfig, type CollectionConfig } from "payload";
import sharp from "sharp";
import { ADMIN_TRANSLATIONS } from "./admin/translations.ts";
import { markDatabaseInUse } from "./backup/inUse.ts";
import { nightlyBackupTask, scheduleNextBackup } from "./backup/nightly.ts";
import { Cases } from "./collections/Cases/index.ts";
import { CustomerCodes } from "./collections/CustomerCodes/index.ts";
import { CustomerSessions } from "./collections/CustomerSessions/index.ts";
import { Customers } from "./collections/Customers/index.ts";
import { Erasures } from "./collections/Erasures/index.ts";
import { Faqs } from "./collections/Faqs/index.ts";
import { FilingStages } from "./collections/FilingStages/index.ts";
import { FilingTypes } from "./collections/FilingTypes/index.ts";
import { GuideArticles } from "./collections/GuideArticles/index.ts";
import { IdempotencyKeys } from "./collections/IdempotencyKeys/index.ts";
import { Leads } from "./collections/Leads/index.ts";
import { materialsCollection } from "./collections/Materials/index.ts";
import { MaterialViews } from "./collections/MaterialViews/index.ts";
import { mediaCollection } from "./collections/Media/index.ts";
import { Orders } from "./collections/Orders/index.ts";
import { Outbox } from "./collections/Outbox/index.ts";
import { Pages } from "./collections/Pages/index.ts";
import { partnersCollection } from "./collections/Partners/index.ts";
import { ProvinceRules } from "./collections/ProvinceRules/index.ts";
import { USERS_SLUG, usersCollection } from "./collections/Users/index.ts";
import { customerEndpoints } from "./customers/endpoints.ts";
import { databaseAdapter } from "./db/adapter.ts";
import { missingTransactions } from "./db/transaction.ts";
import type { TEmailSettings } from "./email/outbox.ts";
import { outboxEmailAdapter } from "./email/outboxAdapter.ts";
import { reclaimBeforeEachTick } from "./email/reclaimStalledJobs.ts";
import { sendEmailTask } from "./email/sendEmailTask.ts";
import { health } from "./endpoints/health.ts";
import type { TEnv } from "./env.ts";
import { CHINA_DATE_TIME_FORMAT } from "./fields/chinaTime.ts";
import { Landing } from "./globals/Landing/index.ts";
import { SitePublish } from "./globals/SitePublish/index.ts";
import { SiteSettings } from "./globals/SiteSettings/index.ts";
import { SmsTemplates } from "./globals/SmsTemplates/index.ts";
import { materialCustomerEndpoints } from "./materials/customerEndpoints.ts";
import { previewEndpoints } from "./preview/endpoints.ts";
import { publicEndpoints } from "./public-api/index.ts";
import {
  globalPublishesSite,
  publishesSite,
  publishStatusEndpoint,
  rebuildEndpoint,
} from "./publishing/index.ts";
import {
  enforceRetentionTask,
  scheduleNextRetention,
  type TRetentionSettings,
} from "./retention/index.ts";
import { MAX_UPLOAD_BYTES } from "./server/bodyLimits.ts";
import { offerDirectApi } from "./server/offerDirectApi.ts";
import type { TSmsQueueSettings } from "./sms/outbox.ts";
import { sendSmsTask } from "./sms/sendSmsTask.ts";
import { storagePlugins } from "./storage/index.ts";

const srcDir = path.dirname(fileURLToPath(import.meta.url));

export function buildBeianConfig(env: TEnv) {
  const live = (collection: CollectionConfig) => publishesSite(collection, env);
  return buildConfig({
    secret: env.PAYLOAD_SECRET,
    serverURL: env.CMS_URL,
    telemetry: false,
    admin: {
      user: USERS_SLUG,
      importMap: { baseDir: srcDir },
      components: {
        beforeDashboard: ["/admin/SalesDashboard/index.tsx#SalesDashboard"],
        providers: ["/admin/ChineseAriaLabels/index.tsx#ChineseAriaLabels"],
      },
      meta: { titleSuffix: " · 小程序备案中心" },
      // China time in every date Payload formats (patches/README.md), in the admin's one format.
      dateFormat: CHINA_DATE_TIME_FORMAT,
      // Payload's default is Gravatar, which mainland China cannot reach: a broken image on every page.
      avatar: "default",
    },
    // Chinese first: the agency's staff work in Chinese; English is one click away.
    i18n: {
      fallbackLanguage: "zh",
      supportedLanguages: { zh, en },
      translations: ADMIN_TRANSLATIONS,
    },
    // The admin's menu groups come in the order of their first collection: sales' work first
    // (线索, 订单, 邮件), then partners and the system, the site's content last.
    collections: [
      Leads,
      Orders,
      materialsCollection(env),
      Outbox,
      Customers,
      CustomerCodes,
      CustomerSessions,
      live(partnersCollection({ siteUrl: env.SITE_URL, cmsUrl: env.CMS_URL })),
      usersCollection(env),
      Erasures,
      MaterialViews,
      IdempotencyKeys,
      live(Pages),
      ...[FilingTypes, FilingStages, GuideArticles, Faqs, Cases].map(live),
      live(mediaCollection(env.MEDIA_DIR)),
      live(ProvinceRules),
    ],
    globals: [
      globalPublishesSite(SiteSettings, env),
      globalPublishesSite(Landing, env),
      SitePublish,
      SmsTemplates,
    ],
    endpoints: [
      health,
      rebuildEndpoint(env),
      publishStatusEndpoint(env),
      ...previewEndpoints(env),
      ...publicEndpoints(env),
      ...customerEndpoints(env),
      ...materialCustomerEndpoints(env),
    ],
    // Emails and text messages are sent by jobs (src/email/, src/sms/): queued with the lead or
    // order, retried with backoff.
    jobs: {
      tasks: [sendEmailTask(env), sendSmsTask(env), enforceRetentionTask, nightlyBackupTask(env)],
      // Jobs are internal (the outbox shows emails): nobody queues, runs or cancels them over HTTP.
      access: { queue: () => false, run: () => false, cancel: () => false },
      // Two jobs a tick: Resend's default limit is 2 requests a second, and a tick's jobs run at once.
      autoRun: env.JOBS_AUTORUN ? [{ cron: env.JOBS_CRON, limit: 2 }] : [],
      // Jobs a stopped process left "processing" are released before each tick picks jobs up.
      shouldAutoRun: reclaimBeforeEachTick(env.JOBS_STALLED_AFTER_MS),
    },
    // Production refuses a database without transactions. A job runner makes sure the nightly
    // retention and backup runs are queued.
    onInit: async (payload) => {
      const unsafe = missingTransactions(payload.db, env.NODE_ENV);
      if (unsafe) throw new Error(`refusing to start: ${unsafe}`);
      // While this process runs, `pnpm restore` keeps off its database (and the other way round).
      markDatabaseInUse(payload, env.DATABASE_URI);
      // Under server.ts, the public API is answered without going through Next.js.
      offerDirectApi(payload);
      if (!env.JOBS_AUTORUN) return;
      await scheduleNextRetention(payload).catch((error: unknown) =>
        payload.logger.error({ err: error, msg: "jobs: could not schedule the retention run" }),
      );
      await scheduleNextBackup(payload).catch((error: unknown) =>
        payload.logger.error({ err: error, msg: "jobs: could not schedule the nightly backup" }),
      );
    },
    // Payload's own emails (password reset) go through the outbox as well.
    email: outboxEmailAdapter(env.EMAIL_FROM),
    custom: {
      email: {
        from: env.EMAIL_FROM,
        salesInbox: env.SALES_INBOX,
        siteUrl: env.SITE_URL,
        cmsUrl: env.CMS_URL,
      } satisfies TEmailSettings,
      sms: { loginTemplate: env.SMS_TEMPLATE_LOGIN } satisfies TSmsQueueSettings,
      retention: { documentDays: env.MATERIALS_RETENTION_DAYS } satisfies TRetentionSettings,
    },
    editor: lexicalEditor(),
    db: databaseAdapter(env),
    sharp,
    // Nothing uses GraphQL: no endpoint, no playground, no schema to attack.
    graphQL: { disable: true, disablePlaygroundInProduction: true },
    // Cookie-authenticated requests come from the admin only; the static site and the widget use
    // the public endpoints, which need no session.
    csrf: [env.CMS_URL],
    // Uploaded files go to the object store when S3_* name one, else stay on the local disk.
    plugins: storagePlugins(env, ["media", "materials"]),
    // The HTTP front lets an upload's body be this large (server/bodyLimits.ts).
    upload: { limits: { fileSize: MAX_UPLOAD_BYTES } },
    typescript: { outputFile: path.join(srcDir, "payload-types.ts"), autoGenerate: false },
  });
}
