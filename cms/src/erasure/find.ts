/**
 * Everything stored about one person, found by their phone number or email address:
 * - their leads and orders (the contact's phone or address), with the order a lead became and the
 *   lead an order came from (one record of the same enquiry);
 * - the emails about those (which the leads' and orders' delete hooks take along anyway);
 * - emails addressed to them (`to`, or `replyTo` of a sales alert), whatever they are about;
 * - emails about nothing any more that name them in their text: left behind by deletions before
 *   deleting a lead or an order took its emails along.
 * Addresses are compared without regard to case: the database is asked for candidates that
 * contain the address, and each candidate is checked exactly here.
 */
import type { PayloadRequest, Where } from "payload";
import { relationId } from "../lib/relationId.ts";
import type { Lead, Order, Outbox } from "../payload-types.ts";
import { isAddressOf, mentions, type TPerson } from "./person.ts";

/** Ids as the database has them: numbers on SQLite, strings on MongoDB. */
export type TId = number | string;
export type TFound = { leads: TId[]; orders: TId[]; emails: TId[] };

type TSlug = "leads" | "orders" | "outbox";
type TDocOf = { leads: Lead; orders: Order; outbox: Outbox };

async function findAll<S extends TSlug>(
  req: PayloadRequest,
  collection: S,
  where: Where,
): Promise<TDocOf[S][]> {
  const { docs } = await req.payload.find({
    collection,
    where,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  });
  return docs as TDocOf[S][];
}

const unique = (ids: TId[]) => [...new Set(ids)];

async function leadsOf(req: PayloadRequest, person: TPerson): Promise<Lead[]> {
  if (person.kind === "phone") return findAll(req, "leads", { phone: { equals: person.phone } });
  const candidates = await findAll(req, "leads", { email: { contains: person.email } });
  return candidates.filter((lead) => isAddressOf(person, lead.email));
}

async function ordersOf(req: PayloadRequest, person: TPerson): Promise<Order[]> {
  if (person.kind === "phone") {
    return findAll(req, "orders", { "contact.phone": { equals: person.phone } });
  }
  const candidates = await findAll(req, "orders", { "contact.email": { contains: person.email } });
  return candidates.filter((order) => isAddressOf(person, order.contact.email));
}

/** The person's leads and orders, each with the other half of a conversion. */
async function enquiriesOf(req: PayloadRequest, person: TPerson) {
  const leads = await leadsOf(req, person);
  const orders = await ordersOf(req, person);
  const leadIds = leads.map((lead) => lead.id);
  const orderIds = orders.map((order) => order.id);
  const ordersOfLeads = leads.flatMap((lead) => relationId(lead.convertedOrder) ?? []);
  const leadsOfOrders = orders.flatMap((order) => relationId(order.lead) ?? []);
  return {
    leads: unique([...leadIds, ...leadsOfOrders]),
    orders: unique([...orderIds, ...ordersOfLeads]),
  };
}

async function emailsAddressedTo(req: PayloadRequest, person: TPerson): Promise<Outbox[]> {
  // Text messages to the phone (sign-in codes belong to no order).
  if (person.kind === "phone") return findAll(req, "outbox", { to: { equals: person.phone } });
  const candidates = await findAll(req, "outbox", {
    or: [{ to: { contains: person.email } }, { replyTo: { contains: person.email } }],
  });
  return candidates.filter(
    (email) => isAddressOf(person, email.to) || isAddressOf(person, email.replyTo),
  );
}

async function leftoverEmailsNaming(req: PayloadRequest, person: TPerson): Promise<Outbox[]> {
  const name = person.kind === "phone" ? person.phone : person.email;
  const candidates = await findAll(req, "outbox", {
    and: [{ lead: { exists: false } }, { order: { exists: false } }, { text: { contains: name } }],
  });
  return candidates.filter((email) => mentions(person, email.text));
}

export async function findPersonalData(req: PayloadRequest, person: TPerson): Promise<TFound> {
  const { leads, orders } = await enquiriesOf(req, person);
  const about: Where[] = [];
  if (leads.length) about.push({ lead: { in: leads } });
  if (orders.length) about.push({ order: { in: orders } });
  const emails = [
    ...(about.length ? await findAll(req, "outbox", { or: about }) : []),
    ...(await emailsAddressedTo(req, person)),
    ...(await leftoverEmailsNaming(req, person)),
  ];
  return { leads, orders, emails: unique(emails.map((email) => email.id)) };
}
