/**
 * When a lead or an order "comes in" for its first emails (the sales alert, the customer's
 * confirmation): created as a genuine submission, or restored by sales from suspected spam. A
 * suspected one has not come in: it mails nobody, whatever happens to it.
 */
type TMarked = { suspectedSpam?: string | null };

export function arrives(change: {
  doc: TMarked;
  previousDoc?: TMarked | undefined;
  operation: string;
}): boolean {
  if (change.doc.suspectedSpam) return false;
  if (change.operation === "create") return true;
  return Boolean(change.previousDoc?.suspectedSpam);
}
