/**
 * The separate jobs worker (production option): emails queued by another process (here, this
 * test's Payload) are sent by `jobs-worker.ts` running on its own against the same database.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { seed } from "../seed/index.ts";
import { startFakeResend } from "../testing/fakeResend.ts";
import { createTestPayload } from "../testing/payload.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

it("sends what the web process queued, and stops on SIGTERM", async () => {
  const fake = await startFakeResend();
  const t = await createTestPayload({ JOBS_AUTORUN: "false" });
  try {
    await seed(t.payload, t.env);
    await t.payload.create({
      collection: "leads",
      data: {
        reference: "L-WORKER",
        name: "吴",
        phone: "13400134000",
        email: "wu@example.com",
        status: "new",
      },
    });
    await t.payload.destroy();

    const worker = spawn(process.execPath, [tsx, path.join(here, "jobs-worker.ts")], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "test",
        DATABASE_URI: t.env.DATABASE_URI,
        // The schema is there already (pushed by the test's Payload); the worker only uses it.
        MEDIA_DIR: t.env.MEDIA_DIR,
        RESEND_API_KEY: fake.apiKey,
        RESEND_BASE_URL: fake.url,
        JOBS_CRON: "* * * * * *",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.once("exit", resolve));

    // The worker boots Payload through tsx first: on a busy machine that alone can take a minute.
    const until = Date.now() + 120_000;
    while (fake.delivered.length < 2 && Date.now() < until && worker.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(fake.delivered.map((email) => email.to[0]).sort(), output).toEqual([
      "sales@beian.example.com",
      "wu@example.com",
    ]);
    // It stops on SIGTERM (tsx, which runs it, reports 128 + 15 for that).
    worker.kill("SIGTERM");
    expect([0, 143]).toContain(await exited);
    expect(output).toContain("jobs worker: running queued jobs");
  } finally {
    await fake.close();
    rmSync(t.dir, { recursive: true, force: true });
  }
}, 150_000);
