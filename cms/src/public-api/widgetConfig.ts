/**
 * `GET /api/public/widget-config?partner=KEY` (CONTRACT §3): what the widget needs to render.
 *
 * The configuration is public, so every origin may read the answer (CORS `*`, no credentials):
 * that is how a page on an origin the partner has not allowed learns why the widget stays away.
 * Such a page gets a 403 `origin_not_allowed` that names its origin and where to add it (the
 * widget also says so in the console); the site, the CMS itself (the admin's preview) and the
 * partner's allowed origins get the configuration. The answer depends on Origin: `Vary: Origin`.
 */
import type { TWidgetConfig } from "@beian/contract";
import type { PayloadRequest } from "payload";
import { answer } from "../endpoints/answer.ts";
import { Refusal } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import { activePartners, type TPartnerAccess } from "./cors.ts";

const PUBLIC_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Retry-After",
  Vary: "Origin",
};

/** A request from a browser page on an origin the partner has not allowed is refused, saying so. */
function requireAllowedOrigin(req: PayloadRequest, partner: TPartnerAccess, own: string[]): void {
  const origin = req.headers.get("origin");
  // No Origin: not a cross-site browser request (a same-origin GET, curl, a server).
  if (!origin || own.includes(origin) || partner.origins.includes(origin)) return;
  throw new Refusal("origin_not_allowed", {
    says: {
      "zh-CN": `来源 ${origin} 未获合作伙伴「${partner.name}」(${partner.key})允许:请在管理后台 › 合作伙伴 › ${partner.name} › 允许的来源 中添加 ${origin}`,
      en: `The origin ${origin} is not allowed for partner "${partner.name}" (${partner.key}): add it in the admin under Partners › ${partner.name} › Allowed origins`,
    },
  });
}

export function widgetConfigHandler(env: TEnv) {
  const own = [new URL(env.SITE_URL).origin, new URL(env.CMS_URL).origin];
  return answer(
    { name: "public widget config", home: env.SITE_URL, headers: async () => PUBLIC_CORS },
    async (req, cors) => {
      const key = new URL(req.url ?? "http://x").searchParams.get("partner") || "direct";
      const partner = (await activePartners(req.payload)).get(key);
      if (!partner) throw new Refusal("unknown_partner");
      requireAllowedOrigin(req, partner, own);

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
    },
  );
}
