/**
 * A signed-in customer's session: a random token in an `HttpOnly`, `SameSite=Lax` cookie (`Secure`
 * on https), scoped to the customer API's path; the database keeps only its SHA-256 and when it
 * ends (7 days after sign-in). Signing out deletes the row, so a copied cookie dies with it.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PayloadRequest } from "payload";
import type { Customer } from "../payload-types.ts";

export const SESSION_COOKIE = "beian_customer";
export const SESSION_MAX_AGE_S = 7 * 24 * 3600;
/** Where the browser sends the cookie: the customer API alone, never the admin or the rest. */
const COOKIE_PATH = "/api/public/customer";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The session's cookie header: `Secure` when the CMS is served over https. */
export function sessionCookie(token: string, secure: boolean, maxAgeS = SESSION_MAX_AGE_S): string {
  const attributes = [
    `${SESSION_COOKIE}=${token}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAgeS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ];
  return attributes.join("; ");
}

/** The header that makes the browser forget the cookie. */
export const endedSessionCookie = (secure: boolean) => sessionCookie("", secure, 0);

function cookieToken(req: PayloadRequest): string | undefined {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=") || undefined;
  }
  return undefined;
}

/** Signs the phone's customer in (creating the account on its first sign-in); the new token. */
export async function openSession(req: PayloadRequest, phone: string, now = new Date()) {
  const customer = await customerOf(req, phone, now);
  const token = randomBytes(32).toString("base64url");
  await req.payload.create({
    collection: "customer-sessions",
    data: {
      tokenHash: tokenHash(token),
      customer: customer.id,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000).toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    req,
  });
  return { token, customer };
}

async function customerOf(req: PayloadRequest, phone: string, now: Date): Promise<Customer> {
  const lastSignedInAt = now.toISOString();
  const { docs } = await req.payload.update({
    collection: "customers",
    where: { phone: { equals: phone } },
    data: { lastSignedInAt },
    overrideAccess: true,
    depth: 0,
    req,
  });
  return (
    docs[0] ??
    req.payload.create({
      collection: "customers",
      data: { phone, lastSignedInAt },
      overrideAccess: true,
      depth: 0,
      req,
    })
  );
}

/** The customer whose live session the request's cookie carries, if any. */
export async function sessionCustomer(
  req: PayloadRequest,
  now = new Date(),
): Promise<Customer | undefined> {
  const token = cookieToken(req);
  if (!token) return undefined;
  const { docs } = await req.payload.find({
    collection: "customer-sessions",
    where: {
      and: [
        { tokenHash: { equals: tokenHash(token) } },
        { expiresAt: { greater_than: now.toISOString() } },
      ],
    },
    limit: 1,
    depth: 1,
    overrideAccess: true,
    req,
  });
  const customer = docs[0]?.customer;
  return typeof customer === "object" ? customer : undefined;
}

/** Ends the request's session, if it has one. */
export async function endSession(req: PayloadRequest): Promise<void> {
  const token = cookieToken(req);
  if (!token) return;
  await req.payload.delete({
    collection: "customer-sessions",
    where: { tokenHash: { equals: tokenHash(token) } },
    overrideAccess: true,
    req,
  });
}
