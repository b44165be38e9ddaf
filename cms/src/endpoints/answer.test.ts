/**
 * Every custom endpoint over real HTTP answers its errors in the contract's shape
 * (`{ error: { code, message, fields? } }`) in the caller's language — never Payload's own format —
 * including a fault inside its work (a logged 500) and what Payload itself refuses.
 */

import type { TRole } from "@beian/contract";
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failAdapterCreates, failOperations, type TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

const SITE = "http://site.test";
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let tokens: Record<TRole, string>;
let convertedLead: number;

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer({ SITE_URL: SITE, TRUST_PROXY: "true" }));
  payload = t.payload;
  tokens = await server.staffTokens();
  const lead = await payload.create({
    collection: "leads",
    data: { reference: "L-TTTTTT", name: "冯先生", phone: "13800138000", status: "new" },
  });
  const converted = await fetch(`${server.url}/api/leads/${lead.id}/convert`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens.sales}` },
    body: JSON.stringify({ province: "beijing", filingType: "personal" }),
  });
  expect(converted.status).toBe(201);
  convertedLead = lead.id;
});

afterAll(() => close?.());

type TCase = {
  name: string;
  method: "GET" | "POST";
  path: string;
  role?: TRole;
  body?: unknown;
  headers?: Record<string, string>;
  /** A fault set up for the request (returns its undo). */
  fault?: () => () => void;
  status: number;
  code: string;
  /** The English message. */
  en: string;
  fields?: string[];
};

const lead = {
  name: "王小明",
  phone: "13800138000",
  consent: { privacy: true },
  elapsedMs: 8_000,
};
const diskFull = () => new Error("SQLITE_IOERR: disk I/O error");
const internal = "The service is unavailable; please try again later or call the hotline";

const CASES: TCase[] = [
  {
    name: "widget config: unknown partner",
    method: "GET",
    path: "/api/public/widget-config?partner=nobody",
    status: 404,
    code: "unknown_partner",
    en: "Unknown or inactive partner",
  },
  {
    name: "widget config: a fault while reading",
    method: "GET",
    path: "/api/public/widget-config",
    fault: () => failOperations(payload, "filing-types", ["read"], diskFull),
    status: 500,
    code: "internal_error",
    en: internal,
  },
  {
    name: "leads: not JSON nor a form",
    method: "POST",
    path: "/api/public/leads",
    headers: { "Content-Type": "text/plain" },
    body: "name=x",
    status: 415,
    code: "unsupported_media_type",
    en: "Unsupported content type",
  },
  {
    name: "leads: a fault while storing",
    method: "POST",
    path: "/api/public/leads",
    body: lead,
    fault: () => failAdapterCreates(payload, "leads", diskFull),
    status: 500,
    code: "internal_error",
    en: internal,
  },
  {
    name: "orders: invalid fields",
    method: "POST",
    path: "/api/public/orders",
    body: { ...lead, filingType: "castle" },
    status: 400,
    code: "validation_failed",
    en: "Some details are not valid; please check and try again",
    fields: ["contact", "entity", "filingType"],
  },
  {
    name: "order lookup: unknown order",
    method: "POST",
    path: "/api/public/orders/lookup",
    body: { orderNo: "B-ZZZZ-ZZZZ", phone: "13800138000" },
    status: 404,
    code: "not_found",
    en: "Not found",
  },
  {
    name: "order lookup: a fault while reading",
    method: "POST",
    path: "/api/public/orders/lookup",
    body: { orderNo: "B-ZZZZ-ZZZZ", phone: "13800138000" },
    fault: () => failOperations(payload, "orders", ["read"], diskFull),
    status: 500,
    code: "internal_error",
    en: internal,
  },
  {
    name: "lead conversion: anonymous",
    method: "POST",
    path: "/api/leads/1/convert",
    body: { province: "beijing" },
    status: 401,
    code: "unauthorized",
    en: "Please log in",
  },
  {
    name: "lead conversion: an editor",
    method: "POST",
    path: "/api/leads/1/convert",
    role: "editor",
    body: { province: "beijing" },
    status: 403,
    code: "forbidden",
    en: "Only sales and admins convert leads",
  },
  {
    name: "lead conversion: unknown lead",
    method: "POST",
    path: "/api/leads/999999/convert",
    role: "sales",
    body: { province: "beijing" },
    status: 404,
    code: "not_found",
    en: "Not found",
  },
  {
    name: "lead conversion: converted already",
    method: "POST",
    path: "/api/leads/CONVERTED/convert",
    role: "sales",
    body: { province: "beijing" },
    status: 409,
    code: "already_converted",
    en: "This lead has already been converted",
  },
  {
    name: "site rebuild: sales",
    method: "POST",
    path: "/api/site/rebuild",
    role: "sales",
    status: 403,
    code: "forbidden",
    en: "Your account may not do this",
  },
  {
    name: "site rebuild: nothing to publish with",
    method: "POST",
    path: "/api/site/rebuild",
    role: "editor",
    status: 409,
    code: "publishing_not_configured",
    en: "Site publishing is not configured (no deploy hook or site directory)",
  },
  {
    name: "leads export: anonymous",
    method: "GET",
    path: "/api/leads/export.csv",
    status: 401,
    code: "unauthorized",
    en: "Please log in",
  },
  {
    name: "orders export: an editor",
    method: "GET",
    path: "/api/orders/export.csv",
    role: "editor",
    status: 403,
    code: "forbidden",
    en: "Your account may not do this",
  },
  {
    name: "leads export: a filter on a field that does not exist",
    method: "GET",
    path: "/api/leads/export.csv?where[nope][equals]=1",
    role: "sales",
    status: 400,
    code: "validation_failed",
    en: "Some details are not valid; please check and try again",
    fields: ["where.nope"],
  },
];

let clients = 0;
function send(item: TCase, language: string): Promise<Response> {
  clients += 1;
  const body =
    item.body === undefined || typeof item.body === "string"
      ? item.body
      : JSON.stringify(item.body);
  return fetch(`${server.url}${item.path.replace("CONVERTED", String(convertedLead))}`, {
    method: item.method,
    headers: {
      "Accept-Language": language,
      "X-Forwarded-For": `10.50.0.${clients}`,
      ...(item.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(item.role ? { Authorization: `JWT ${tokens[item.role]}` } : {}),
      ...item.headers,
    },
    ...(body === undefined ? {} : { body }),
  });
}

describe("every custom endpoint's errors", () => {
  it.each(CASES)("$name: $status $code in the caller's language", async (item) => {
    const undo = item.fault?.();
    try {
      for (const language of ["en", "zh-CN,zh;q=0.9"]) {
        const response = await send(item, language);
        expect(response.status).toBe(item.status);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        const { error, ...rest } = await response.json();
        expect(rest).toEqual({});
        expect(error.code).toBe(item.code);
        if (language === "en") expect(error.message).toBe(item.en);
        else expect(error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(Object.keys(error.fields ?? {}).sort()).toEqual(item.fields ?? []);
      }
    } finally {
      undo?.();
    }
  });
});
