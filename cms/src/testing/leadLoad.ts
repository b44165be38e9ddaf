/**
 * Prospects submitting leads without pause through the public endpoint, for tests that need
 * writes going on (a backup under load). Give the test server `TRUST_PROXY: "true"` and a high
 * `RATE_LIMIT_POINTS`, or the rate limits answer instead of the database.
 */
import type { TTestServer } from "./server.ts";

export type TLeadLoad = {
  /** References of the leads stored, each with when its 201 arrived (ms since the epoch). */
  committed: { reference: string; at: number }[];
  /** Every answer that was not a 201, as `status body`. */
  failures: string[];
  /** The references of the leads whose 201 arrived before `at`. */
  committedBefore: (at: number) => string[];
  /** Resolves once `count` leads in all have been stored. */
  untilCommitted: (count: number) => Promise<void>;
  /** Lets the requests in flight finish, sends no more. */
  stop: () => Promise<void>;
};

export function startLeadLoad(server: TTestServer, clients = 4): TLeadLoad {
  const committed: TLeadLoad["committed"] = [];
  const failures: string[] = [];
  let running = true;
  let sent = 0;
  const client = async () => {
    while (running) {
      sent += 1;
      try {
        const response = await server.postPublic("leads", {
          name: `负载${sent}`,
          phone: "13800138000",
          consent: { privacy: true },
          elapsedMs: 8_000,
        });
        if (response.status === 201) {
          const { reference } = (await response.json()) as { reference: string };
          committed.push({ reference, at: Date.now() });
        } else failures.push(`${response.status} ${await response.text()}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, client));
  return {
    committed,
    failures,
    committedBefore: (at) => committed.filter((lead) => lead.at < at).map((lead) => lead.reference),
    untilCommitted: async (count) => {
      while (committed.length < count) {
        if (failures.length) throw new Error(`the load failed: ${failures[0]}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: async () => {
      running = false;
      await done;
    },
  };
}
