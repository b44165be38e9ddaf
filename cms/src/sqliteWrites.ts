/**
 * SQLite has one writer at a time, and the libsql client opens a fresh connection (without a busy
 * timeout) for every transaction, so two overlapping Payload transactions in this process fail with
 * SQLITE_BUSY ("cannot begin transaction"). Transactions are therefore taken in turn here: begin
 * waits for the previous one to commit or roll back. Reads never wait. Used by config.ts only.
 */
import type { DatabaseAdapterObj } from "payload";

type TTransactionId = string | number;
type TAdapter = {
  beginTransaction: (options?: unknown) => Promise<TTransactionId | null>;
  commitTransaction: (id: TTransactionId | Promise<TTransactionId>) => Promise<void>;
  rollbackTransaction: (id: TTransactionId | Promise<TTransactionId>) => Promise<void>;
  payload?: { logger: { warn: (message: string) => void } };
};

/** A transaction that never ends must not stop every other write forever. */
const MAX_WAIT_MS = 15_000;

export function takeTransactionsInTurn(base: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as unknown as TAdapter;
      let tail: Promise<void> = Promise.resolve();
      const releases = new Map<TTransactionId, () => void>();

      const begin = adapter.beginTransaction.bind(adapter);
      adapter.beginTransaction = async (options) => {
        let release = () => {};
        const mine = new Promise<void>((resolve) => {
          release = resolve;
        });
        const previous = tail;
        tail = previous.then(() => mine);
        const waited = await Promise.race([
          previous.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), MAX_WAIT_MS).unref()),
        ]);
        if (!waited)
          adapter.payload?.logger.warn(
            "sqlite: a transaction waited 15 s for another; going ahead",
          );
        try {
          const id = await begin(options);
          if (id === null || id === undefined) release();
          else releases.set(id, release);
          return id;
        } catch (error) {
          release();
          throw error;
        }
      };
      for (const name of ["commitTransaction", "rollbackTransaction"] as const) {
        const end = adapter[name].bind(adapter);
        adapter[name] = async (incoming) => {
          const id = await incoming;
          try {
            await end(id);
          } finally {
            releases.get(id)?.();
            releases.delete(id);
          }
        };
      }
      return adapter as unknown as ReturnType<DatabaseAdapterObj["init"]>;
    },
  };
}
