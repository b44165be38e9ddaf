/** `GET /api/public/widget-config?partner=KEY` (CONTRACT §3): what the widget needs to render. */
import type { TWidgetConfig } from "@beian/contract";
import { Refusal } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import { activePartners, answerWithCors } from "./cors.ts";

export function widgetConfigHandler(env: TEnv) {
  return answerWithCors(env, "public widget config", async (req, cors) => {
    const key = new URL(req.url ?? "http://x").searchParams.get("partner") || "direct";
    const partner = (await activePartners(req.payload)).get(key);
    if (!partner) throw new Refusal("unknown_partner");

    const [types, settings] = await Promise.all([
      // Published filing types only: one never published exists as a draft alone.
      req.payload.find({
        collection: "filing-types",
        where: { _status: { equals: "published" } },
        sort: "order",
        pagination: false,
        depth: 0,
      }),
      req.payload.findGlobal({ slug: "site-settings", depth: 0 }),
    ]);
    const body: TWidgetConfig = {
      partner: {
        key: partner.key,
        name: partner.name,
        theme: { primaryColor: partner.themeColor },
      },
      filingTypes: types.docs.map((type) => ({
        slug: type.slug,
        name: type.name,
        audience: type.audience,
        features: (type.sellingPoints ?? []).map((point) => point.text),
      })),
      contact: { phone: settings.hotline },
      consent: {
        privacyText: settings.consent?.privacyText ?? "",
        privacyUrl: new URL("/privacy/", env.SITE_URL).toString(),
        ...(key === "direct"
          ? {}
          : {
              sharingText: (settings.consent?.sharingText ?? "").replaceAll(
                "{partner}",
                partner.name,
              ),
            }),
      },
    };
    // Public and cacheable: the same for every visitor of a partner's pages.
    return Response.json(body, {
      headers: { ...cors, "Cache-Control": "public, max-age=60, stale-while-revalidate=600" },
    });
  });
}
