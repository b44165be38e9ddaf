/**
 * Erasing a person (PIPL art. 47): what `findPersonalData` finds is deleted with the caller's
 * `req`, so in one transaction — all of it goes, or (on any failure) none of it. Emails first,
 * then orders (an order's delete hands its converted lead back to sales, a moment before that lead
 * goes too), then leads; each delete also takes what hangs off it (erasure/attachedData.ts).
 * A phone's customer-center account goes too, with its sessions and sign-in codes (not counted:
 * the record counts what the person submitted).
 */
import type { PayloadRequest } from "payload";
import { deleteEmails } from "../collections/Outbox/deleteEmails.ts";
import { findPersonalData, type TId } from "./find.ts";
import type { TPerson } from "./person.ts";

export type TErased = { leads: number; orders: number; emails: number };

async function deleteByIds(
  req: PayloadRequest,
  collection: "leads" | "orders",
  ids: TId[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const { docs, errors } = await req.payload.delete({
    collection,
    where: { id: { in: ids } },
    overrideAccess: true,
    depth: 0,
    select: {},
    req,
  });
  if (errors.length) throw new Error(`erasure: ${errors.length} ${collection} not deleted`);
  return docs.length;
}

/** How much an erasure would delete now. */
export async function previewErasure(req: PayloadRequest, person: TPerson): Promise<TErased> {
  const found = await findPersonalData(req, person);
  return { leads: found.leads.length, orders: found.orders.length, emails: found.emails.length };
}

export async function erasePerson(req: PayloadRequest, person: TPerson): Promise<TErased> {
  const found = await findPersonalData(req, person);
  const emails = found.emails.length ? await deleteEmails(req, { id: { in: found.emails } }) : 0;
  const orders = await deleteByIds(req, "orders", found.orders);
  const leads = await deleteByIds(req, "leads", found.leads);
  if (person.kind === "phone") await deleteCustomerAccount(req, person.phone);
  return { leads, orders, emails };
}

async function deleteCustomerAccount(req: PayloadRequest, phone: string): Promise<void> {
  const byPhone = { phone: { equals: phone } };
  const options = { overrideAccess: true, depth: 0, req } as const;
  await req.payload.delete({ collection: "customers", where: byPhone, ...options });
  await req.payload.delete({ collection: "customer-codes", where: byPhone, ...options });
}
