/**
 * The customer's documents (CONTRACT §7): `POST /api/public/customer/orders/{orderNo}/materials`
 * (multipart `item`, `file`) and `GET /api/public/customer/materials/{id}`, for the signed-in owner
 * of the order only; anyone else's order or document is 404, as if it did not exist.
 */
import { MATERIAL_MAX_BYTES, type TFieldErrors, type TMaterialUploaded } from "@beian/contract";
import type { Endpoint, Payload, PayloadRequest } from "payload";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { customerHttp, NO_STORE, requireTrustedOrigin } from "../customers/http.ts";
import { sessionCustomer } from "../customers/sessions.ts";
import { inRequestTransaction } from "../db/transaction.ts";
import { mediaType, readBytes } from "../endpoints/body.ts";
import { Refusal } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import { newLimiter } from "../lib/limiter.ts";
import type { Material, Order } from "../payload-types.ts";
import { charge } from "../public-api/rateLimit.ts";
import { storableCopy } from "./content.ts";
import { documentResponse, isDocumentId } from "./documentResponse.ts";
import { keyringOf, type TKeyring } from "./encryption.ts";
import { isUploadable, materialStatesOf } from "./state.ts";
import { readDocument, storeDocument } from "./store.ts";

/** The form's other fields and multipart's own lines around a file of the largest size. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** Uploads a customer may make in an hour: a whole checklist several times over. */
const UPLOADS_PER_HOUR = 60;

const uploadLimiters = new WeakMap<Payload, RateLimiterAbstract>();

function uploadLimiter(payload: Payload, env: TEnv): RateLimiterAbstract {
  let limiter = uploadLimiters.get(payload);
  if (!limiter) {
    limiter = newLimiter(payload, env, "rl_customer_upload", {
      points: UPLOADS_PER_HOUR,
      duration: 3600,
    });
    uploadLimiters.set(payload, limiter);
  }
  return limiter;
}

export function materialCustomerEndpoints(env: TEnv): Endpoint[] {
  const { route, preflights, trusted } = customerHttp(env);
  const keyring = keyringOf(env.MATERIALS_ENCRYPTION_KEY, env.MATERIALS_PREVIOUS_KEYS);
  return [
    route("orders/:orderNo/materials", "post", async (req, headers) => {
      requireTrustedOrigin(req, trusted);
      const customer = await sessionCustomer(req);
      if (!customer) throw new Refusal("signed_out");
      await charge(uploadLimiter(req.payload, env), customer.phone);
      const upload = await readUpload(req);
      const order = await customerOrder(req, customer.phone, String(req.routeParams?.orderNo));
      const stored = await storeUpload(req, keyring, order, upload);
      const body: TMaterialUploaded = {
        id: String(stored.id),
        item: stored.item,
        status: "uploaded",
      };
      return Response.json(body, { status: 201, headers: { ...headers, ...NO_STORE } });
    }),
    route("materials/:id", "get", async (req, headers) => {
      const customer = await sessionCustomer(req);
      if (!customer) throw new Refusal("signed_out");
      const material = await customerMaterial(req, customer.phone, String(req.routeParams?.id));
      const bytes = await readDocument(req, keyring, material);
      return documentResponse(material, bytes, { headers, download: false });
    }),
    ...preflights(["orders/:orderNo/materials", "materials/:id"]),
  ];
}

type TUpload = { item: string; file: Buffer };

/** The multipart form's `item` and `file`, the file at most MATERIAL_MAX_BYTES. */
async function readUpload(req: PayloadRequest): Promise<TUpload> {
  if (mediaType(req) !== "multipart/form-data") throw new Refusal("unsupported_media_type");
  const body = await readBytes(
    req,
    MATERIAL_MAX_BYTES + MULTIPART_OVERHEAD_BYTES,
    "material_too_large",
  );
  let form: FormData;
  try {
    const contentType = req.headers.get("content-type") ?? "";
    form = await new Response(new Uint8Array(body), {
      headers: { "Content-Type": contentType },
    }).formData();
  } catch {
    throw new Refusal("validation_failed");
  }
  const item = form.get("item");
  const file = form.get("file");
  const fields: TFieldErrors = {};
  if (typeof item !== "string" || item.trim() === "") fields.item = "required";
  if (!(file instanceof File) || file.size === 0) fields.file = "required";
  if (Object.keys(fields).length > 0 || !(file instanceof File) || typeof item !== "string") {
    throw new Refusal("validation_failed", { fields });
  }
  if (file.size > MATERIAL_MAX_BYTES) throw new Refusal("material_too_large");
  return { item: item.trim(), file: Buffer.from(await file.arrayBuffer()) };
}

async function customerOrder(req: PayloadRequest, phone: string, orderNo: string): Promise<Order> {
  const { docs } = await req.payload.find({
    collection: "orders",
    where: { and: [{ orderNo: { equals: orderNo } }, { "contact.phone": { equals: phone } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  });
  const order = docs[0];
  if (!order || order.suspectedSpam) throw new Refusal("not_found");
  return order;
}

/** Checks the slot and the file, then stores the file's clean copy in the slot. */
async function storeUpload(
  req: PayloadRequest,
  keyring: TKeyring,
  order: Order,
  upload: TUpload,
): Promise<Material> {
  const slot = (await materialStatesOf(req, order)).find((state) => state.item === upload.item);
  if (!slot) throw new Refusal("validation_failed", { fields: { item: "invalid" } });
  if (!isUploadable(order.status, slot.status)) throw new Refusal("material_locked");
  const copy = await storableCopy(upload.file);
  if (!copy.ok) throw new Refusal("material_type_refused");
  return inRequestTransaction(req, () =>
    storeDocument(req, keyring, {
      order: order.id,
      item: upload.item,
      bytes: copy.bytes,
      contentType: copy.contentType,
    }),
  );
}

async function customerMaterial(req: PayloadRequest, phone: string, id: string): Promise<Material> {
  if (!isDocumentId(id)) throw new Refusal("not_found");
  const { docs } = await req.payload.find({
    collection: "materials",
    where: { id: { equals: id } },
    limit: 1,
    depth: 1,
    overrideAccess: true,
    req,
  });
  const material = docs[0];
  const order = material?.order;
  if (!material || typeof order !== "object" || order.contact?.phone !== phone) {
    throw new Refusal("not_found");
  }
  return material;
}
