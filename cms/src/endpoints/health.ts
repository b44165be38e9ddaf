import type { Endpoint } from "payload";

/** `GET /api/health`: 200 once the CMS can read its database (for start scripts and load balancers). */
export const health: Endpoint = {
  path: "/health",
  method: "get",
  handler: async (req) => {
    try {
      await req.payload.count({ collection: "filing-types", overrideAccess: true });
      return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
    } catch {
      return Response.json(
        { ok: false },
        { status: 503, headers: { "Cache-Control": "no-store" } },
      );
    }
  },
};
