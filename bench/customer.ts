/**
 * The customer center (`customer`): the sign-in round trip — ask for a code, the code reaches the
 * dysmsapi stand-in through the outbox, sign in, read the orders — beside the no-sign-in order
 * lookup (`/track/`'s one request); and the time from sales' stage change to the customer's text
 * at the stand-in, beside the email about the same move at the Resend stand-in. Both messages go
 * through the job runner, whose tick (JOBS_CRON, every 5 s by default) dominates: these are the
 * figures a customer meets, not the API's alone.
 */

import { DEV_LOGINS } from "../cms/src/devLogins.ts";
import { startFakeResend } from "../cms/src/testing/fakeResend.ts";
import { startFakeSms } from "../cms/src/testing/fakeSms.ts";
import { onCleanup } from "./lib/cleanup.ts";
import { ADMIN, login } from "./lib/cms.ts";
import { startStack } from "./lib/stack.ts";
import { median, printTable } from "./lib/table.ts";

const RUNS = 5;

export type TCustomerRun = {
  /** Code asked → 202, in ms. */
  codeRequest: number[];
  /** Code asked → the text at the stand-in → signed in → orders read, in ms. */
  signIn: number[];
  /** The order lookup, one request, in ms (the baseline). */
  lookup: number[];
  /** Sales' move → the customer's text at the stand-in, in ms. */
  stageToSms: number[];
  /** Sales' move → the customer's email at the Resend stand-in, in ms (the baseline). */
  stageToEmail: number[];
};

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`[customer] still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function measureCustomer(logDir: string): Promise<TCustomerRun> {
  const sms = await startFakeSms();
  onCleanup("fake SMS", () => sms.close());
  const resend = await startFakeResend();
  onCleanup("fake Resend", () => resend.close());
  const stack = await startStack({
    label: "customer",
    logDir,
    env: {
      ...sms.env,
      RESEND_API_KEY: resend.apiKey,
      RESEND_BASE_URL: resend.url,
      RATE_LIMIT_POINTS: "100000",
      SITE_BUILD_HOOK_URL: "http://127.0.0.1:9/no-rebuilds",
    },
  });
  try {
    return await measure(stack.cmsUrl, new URL(stack.siteUrl).origin, sms, resend);
  } finally {
    await stack.stop();
  }
}

async function measure(
  cmsUrl: string,
  siteOrigin: string,
  sms: Awaited<ReturnType<typeof startFakeSms>>,
  resend: Awaited<ReturnType<typeof startFakeResend>>,
): Promise<TCustomerRun> {
  const admin = await login(cmsUrl, ADMIN);
  await admin.request("POST", "/globals/sms-templates", { stageChange: { code: "SMS_480001" } });
  const sales = await login(cmsUrl, DEV_LOGINS.sales);
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${cmsUrl}/api/public/${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: siteOrigin,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: JSON.stringify(body),
    });
  const run: TCustomerRun = {
    codeRequest: [],
    signIn: [],
    lookup: [],
    stageToSms: [],
    stageToEmail: [],
  };
  for (let i = 0; i < RUNS; i++) {
    const phone = `1390${String(Date.now()).slice(-5)}${i}0`.slice(0, 11);
    const email = `bench-customer-${i}-${Date.now()}@example.com`;
    const placed = await post("orders", {
      filingType: "personal",
      contact: { name: "压测客户", phone, email },
      entity: { province: "zhejiang" },
      consent: { privacy: true },
      elapsedMs: 8_000,
    });
    const { orderNo } = (await placed.json()) as { orderNo: string };
    // A customer signs in after their order's emails went out, not behind them in the queue.
    await until(
      () => resend.delivered.find((message) => message.subject === `订单已提交:${orderNo}`),
      `the confirmation of ${orderNo}`,
    );

    const asked = performance.now();
    const code = await post("customer/code", { phone });
    await code.arrayBuffer();
    run.codeRequest.push(performance.now() - asked);
    const text = await until(
      () => sms.delivered.find((message) => message.phone === phone),
      `the code to ${phone}`,
    );
    const session = await post("customer/session", { phone, code: text.params.code });
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const orders = await fetch(`${cmsUrl}/api/public/customer/orders`, {
      headers: { Origin: siteOrigin, Cookie: cookie },
    });
    if (!orders.ok) throw new Error(`[customer] orders: HTTP ${orders.status}`);
    await orders.arrayBuffer();
    run.signIn.push(performance.now() - asked);

    const looked = performance.now();
    await (await post("orders/lookup", { orderNo, phone })).arrayBuffer();
    run.lookup.push(performance.now() - looked);

    const { docs } = await sales.request<{ docs: { id: number }[] }>(
      "GET",
      `/orders?where[orderNo][equals]=${orderNo}&depth=0`,
    );
    const moved = Date.now();
    await sales.request("POST", `/orders/${docs[0]?.id}/move`, { to: "preliminary_review" });
    const stageText = await until(
      () => sms.delivered.find((message) => message.phone === phone && message.params.stage),
      `the stage text to ${phone}`,
    );
    run.stageToSms.push(Date.parse(stageText.receivedAt) - moved);
    const stageEmail = await until(
      () =>
        resend.delivered.find(
          (message) => message.to.includes(email) && message.subject.includes("初步审核"),
        ),
      `the stage email to ${email}`,
    );
    run.stageToEmail.push(Date.parse(stageEmail.receivedAt) - moved);
    process.stdout.write(`[customer] run ${i + 1}/${RUNS} done\n`);
  }
  return run;
}

export function printCustomer(run: TCustomerRun): void {
  const ms = (values: number[]) => `${Math.round(median(values))} ms`;
  printTable(
    `Customer center (median of ${RUNS}; texts and emails leave on the job runner's 5 s tick)`,
    ["measure", "median", "baseline in the same run", "median"],
    [
      ["code asked → 202", ms(run.codeRequest), "order lookup (one request)", ms(run.lookup)],
      ["code asked → text → signed in → orders", ms(run.signIn), "", ""],
      [
        "stage change → text at the stand-in",
        ms(run.stageToSms),
        "→ email at the stand-in",
        ms(run.stageToEmail),
      ],
    ],
  );
}
