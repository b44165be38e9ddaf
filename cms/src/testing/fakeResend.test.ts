/**
 * The Resend stand-in's batch endpoint answers as Resend documents it, through the real `resend`
 * package: validation (strict and permissive), one request against the rate limit, and one
 * idempotency key for the whole batch (replayed, or 409 with another body).
 */
import { Resend } from "resend";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeResend, type TFakeResend } from "./fakeResend.ts";

let fake: TFakeResend;
let resend: Resend;

beforeAll(async () => {
  fake = await startFakeResend();
  resend = new Resend(fake.apiKey, { baseUrl: fake.url });
});

afterAll(async () => {
  await fake?.close();
});

const email = (to: string) => ({
  from: "小程序备案中心 <noreply@beian.example.com>",
  to: [to],
  subject: `批量 ${to}`,
  text: "正文",
});

/** Asks again after a 429's retry-after, as a client should: the rate limit is tested elsewhere. */
const paced = async <
  T extends { error: { statusCode: number | null } | null; headers: Record<string, string> | null },
>(
  send: () => Promise<T>,
): Promise<T> => {
  for (;;) {
    const answer = await send();
    if (answer.error?.statusCode !== 429) return answer;
    const seconds = Number(answer.headers?.["retry-after"] ?? 1);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
};

it("sends a batch under one key, and replays the first answer for the same key and body", async () => {
  const batch = [email("a@example.com"), email("b@example.com")];
  const first = await paced(() => resend.batch.send(batch, { idempotencyKey: "batch-1" }));
  expect(first.error).toBeNull();
  expect(first.data?.data).toHaveLength(2);
  const again = await paced(() => resend.batch.send(batch, { idempotencyKey: "batch-1" }));
  expect(again.data?.data).toEqual(first.data?.data);
  expect(fake.delivered.filter((d) => d.idempotencyKey === "batch-1")).toHaveLength(2);
  expect(
    fake.requests.filter((r) => r.idempotencyKey === "batch-1" && r.answered !== 429),
  ).toMatchObject([
    { answered: 200, batch: 2 },
    { answered: 200, batch: 2 },
  ]);

  const other = await paced(() =>
    resend.batch.send([email("c@example.com")], { idempotencyKey: "batch-1" }),
  );
  expect(other.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
});

it("strict: one invalid address refuses the whole batch; permissive: the others are sent", async () => {
  const batch = [email("ok@example.com"), email("不是地址"), email("ok2@example.com")];
  const strict = await paced(() => resend.batch.send(batch, { idempotencyKey: "batch-strict" }));
  expect(strict.error).toMatchObject({ statusCode: 422, name: "validation_error" });
  expect(fake.delivered.filter((d) => d.idempotencyKey === "batch-strict")).toEqual([]);

  const permissive = await paced(() =>
    resend.batch.send(batch, { idempotencyKey: "batch-permissive", batchValidation: "permissive" }),
  );
  expect(permissive.data?.data).toHaveLength(2);
  expect(permissive.data?.errors).toEqual([
    { index: 1, message: expect.stringContaining("不是地址") },
  ]);
  const sent = fake.delivered.filter((d) => d.idempotencyKey === "batch-permissive");
  expect(sent.map((d) => d.id)).toEqual(permissive.data?.data.map((entry) => entry.id));
});

it("refuses an empty batch and one of more than 100", async () => {
  const empty = await paced(() => resend.batch.send([]));
  expect(empty.error).toMatchObject({ statusCode: 422 });
  const many = Array.from({ length: 101 }, (_, index) => email(`m${index}@example.com`));
  const tooMany = await paced(() => resend.batch.send(many));
  expect(tooMany.error).toMatchObject({ statusCode: 422 });
});
