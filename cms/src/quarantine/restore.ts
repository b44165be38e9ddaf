/**
 * `POST /api/leads/:id/restore` and `POST /api/orders/:id/restore`: sales takes back a submission
 * the public API set aside as suspected spam. The mark is cleared and the emails it held back are
 * queued — by the collection's email hook, in the same transaction. Restoring one that is not
 * (or no longer) suspected changes nothing: a second click or a colleague's sends nothing twice.
 *
 * 200 `{ id, restored }`; 401 without a login, 403 for anyone but sales and admins, 404 for an
 * unknown document.
 */
import type { Endpoint, PayloadRequest } from "payload";
import { hasRole } from "../access/index.ts";
import { inRequestTransaction } from "../db/transaction.ts";
import { answer } from "../endpoints/answer.ts";
import { Refusal } from "../endpoints/refusal.ts";

type TRestored = { id: number; restored: boolean };

export function restoreEndpoint(collection: "leads" | "orders"): Endpoint {
  return {
    path: "/:id/restore",
    method: "post",
    handler: answer({ name: `${collection} restore` }, async (req) => {
      if (!req.user) throw new Refusal("unauthorized");
      if (!hasRole(req, "admin", "sales")) throw new Refusal("forbidden");
      const id = String(req.routeParams?.id ?? "");
      const result = await inRequestTransaction(req, () => restore(req, collection, id));
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    }),
  };
}

async function restore(
  req: PayloadRequest,
  collection: "leads" | "orders",
  id: string,
): Promise<TRestored> {
  const doc = await findDocument(req, collection, id);
  if (!doc) throw new Refusal("not_found");
  if (!doc.suspectedSpam) return { id: doc.id, restored: false };
  await req.payload.update({
    collection,
    id: doc.id,
    data: { suspectedSpam: null },
    overrideAccess: true,
    depth: 0,
    req,
  });
  return { id: doc.id, restored: true };
}

async function findDocument(req: PayloadRequest, collection: "leads" | "orders", id: string) {
  try {
    const { docs } = await req.payload.find({
      collection,
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      select: { suspectedSpam: true },
      overrideAccess: true,
      req,
    });
    return docs[0] ?? null;
  } catch {
    return null; // an id the database cannot even compare (`abc` on SQLite) is simply unknown
  }
}
