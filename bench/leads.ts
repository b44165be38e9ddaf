/**
 * Load on the lead endpoint: `POST /api/public/leads` (validation, origin, rate limits,
 * idempotency in one transaction) beside Payload's stock `POST /api/leads` (an admin's REST create,
 * no public pipeline) in the same run, same stack, same concurrency. Prints throughput, latency
 * percentiles and — the figure that matters most — how many leads were stored against how many
 * were accepted.
 */
import { ADMIN, login, type TCms } from "./lib/cms.ts";
import { median, printTable } from "./lib/table.ts";

export type TLoadRun = {
  endpoint: string;
  requests: number;
  accepted: number;
  errors: Record<string, number>;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  stored: number;
};

const CONCURRENCY = 16;
const DURATION_MS = 15_000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function load(
  label: string,
  send: (n: number) => Promise<Response>,
  count: () => Promise<number>,
): Promise<TLoadRun> {
  const before = await count();
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let accepted = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + DURATION_MS;
  const worker = async () => {
    while (performance.now() < deadline) {
      const i = n++;
      const t0 = performance.now();
      try {
        const response = await send(i);
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status === 201) accepted += 1;
        else errors[String(response.status)] = (errors[String(response.status)] ?? 0) + 1;
      } catch (error) {
        const key = (error as Error).name;
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    endpoint: label,
    requests: n,
    accepted,
    errors,
    seconds,
    throughput: accepted / seconds,
    p50: median(latencies),
    p99: percentile(latencies, 99),
    stored: (await count()) - before,
  };
}

export async function loadLeads(cmsUrl: string, siteUrl: string): Promise<TLoadRun[]> {
  const admin: TCms = await login(cmsUrl, ADMIN);
  const count = async () =>
    (await admin.request<{ totalDocs: number }>("GET", "/leads?limit=1&depth=0")).totalDocs;
  const lead = (i: number) => ({
    name: `压测${i}`,
    phone: "13800138000",
    filingType: "enterprise",
    message: "负载测试",
    consent: { privacy: true },
    source: { pageUrl: `${siteUrl}/types/enterprise/`, utm: { source: "bench" } },
    elapsedMs: 5_000,
  });
  process.stdout.write(
    `[bench] leads: ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per endpoint…\n`,
  );
  const publicRun = await load(
    "POST /api/public/leads",
    (i) =>
      fetch(`${cmsUrl}/api/public/leads`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Origin: siteUrl,
          "Idempotency-Key": `bench-${Date.now()}-${i}`,
        },
        body: JSON.stringify(lead(i)),
      }),
    count,
  );
  const stockRun = await load(
    "POST /api/leads (Payload stock, admin)",
    (i) =>
      fetch(`${cmsUrl}/api/leads`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `JWT ${admin.token}` },
        body: JSON.stringify({
          ...lead(i),
          phone: "13800138000",
          reference: `B-${Date.now().toString(36)}-${i}`,
          status: "new",
        }),
      }),
    count,
  );
  return [publicRun, stockRun];
}

export function printLeadLoad(runs: TLoadRun[]): void {
  printTable(
    `Lead endpoint under load (${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s each, same stack)`,
    [
      "endpoint",
      "requests",
      "accepted (201)",
      "other answers",
      "req/s accepted",
      "p50",
      "p99",
      "leads stored",
    ],
    runs.map((run) => [
      run.endpoint,
      run.requests,
      run.accepted,
      Object.entries(run.errors)
        .map(([code, n]) => `${code}×${n}`)
        .join(" ") || "none",
      run.throughput.toFixed(1),
      `${run.p50.toFixed(0)} ms`,
      `${run.p99.toFixed(0)} ms`,
      `${run.stored}${run.stored === run.accepted ? " (= accepted)" : " (≠ accepted!)"}`,
    ]),
  );
}
