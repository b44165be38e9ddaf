/**
 * The public API (CONTRACT §3) under /api/public/*: the widget's configuration and the lead
 * endpoint, with CORS preflight answered from the same allow-list.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Endpoint } from "payload";
import { answer } from "../endpoints/answer.ts";
import type { TEnv } from "../env.ts";
import { forgetPartners, preflight } from "./cors.ts";
import { leadsHandler } from "./leads.ts";
import { orderLookupHandler, ordersHandler } from "./orders.ts";
import { widgetConfigHandler } from "./widgetConfig.ts";

export function publicEndpoints(env: TEnv): Endpoint[] {
  const siteOrigin = new URL(env.SITE_URL).origin;
  const options = (path: string): Endpoint => ({
    path,
    method: "options",
    handler: answer({ name: "public preflight" }, (req) => preflight(req, siteOrigin)),
  });
  return [
    { path: "/public/widget-config", method: "get", handler: widgetConfigHandler(env) },
    options("/public/widget-config"),
    { path: "/public/leads", method: "post", handler: leadsHandler(env) },
    options("/public/leads"),
    { path: "/public/orders", method: "post", handler: ordersHandler(env) },
    options("/public/orders"),
    { path: "/public/orders/lookup", method: "post", handler: orderLookupHandler(env) },
    options("/public/orders/lookup"),
  ];
}

/** A partner saved or deleted in the admin takes effect at once (origins, activity, theme). */
export const forgetPartnersOnChange: CollectionAfterChangeHook = ({ doc, req }) => {
  forgetPartners(req.payload);
  return doc;
};
export const forgetPartnersOnDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  forgetPartners(req.payload);
  return doc;
};
