/**
 * Content that many requests need and editors rarely change (consent texts, stage titles, filing
 * type names), read once per process until an editor's change in this process (`forget`, from
 * the collection's or global's afterChange hook) or until `ttlMs` has passed (an edit made by
 * another process). A failed read is not kept: the next request reads again.
 */
import type { Payload } from "payload";

export type TContentCache<T> = {
  get: (payload: Payload) => Promise<T>;
  forget: (payload: Payload) => void;
  /** An afterChange / afterDelete hook of the content it reads: forgets, returns the document. */
  forgetOnChange: <D>(change: { doc: D; req: { payload: Payload } }) => D;
};

export function contentCache<T>(
  read: (payload: Payload) => Promise<T>,
  ttlMs = 60_000,
): TContentCache<T> {
  const cache = new WeakMap<Payload, { at: number; value: Promise<T> }>();
  return {
    get(payload) {
      const cached = cache.get(payload);
      if (cached && Date.now() - cached.at < ttlMs) return cached.value;
      const value = read(payload);
      const entry = { at: Date.now(), value };
      cache.set(payload, entry);
      value.catch(() => {
        if (cache.get(payload) === entry) cache.delete(payload);
      });
      return value;
    },
    forget(payload) {
      cache.delete(payload);
    },
    forgetOnChange({ doc, req }) {
      cache.delete(req.payload);
      return doc;
    },
  };
}
