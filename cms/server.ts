/**
 * The CMS's HTTP server: Next.js (admin + REST API) behind a plain Node server, so the client's
 * address is known for rate limiting (see src/server/forwardedFor.ts), no request body passes its
 * route's limit (src/server/bodyLimits.ts), an account's logins do not overwrite each other's
 * sessions (src/server/sessionWrites.ts), and the public API is answered by Payload's handler
 * without Next's routing once Payload has started (src/server/directApi.ts). `pnpm start` runs it.
 * Node's own TypeScript support runs this file; it reads only the variables it needs to listen.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { limitRequestBodies, refuseBeforeContinue } from "./src/server/bodyLimits.ts";
import { answerDirectly, isPublicApiRequest, openDirectApi } from "./src/server/directApi.ts";
import { normaliseForwardedFor } from "./src/server/forwardedFor.ts";
import { takeSessionWritesInTurn } from "./src/server/sessionWrites.ts";

const dir = path.dirname(fileURLToPath(import.meta.url));
const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.CMS_PORT || 3000);
const trustProxy = process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1";

const origin = `http://${hostname}:${port}`;
// Opened before Next starts Payload, whose onInit hands the public API's handler over.
const directApi = openDirectApi();
const app = next({ dev: false, dir, hostname, port });
const nextHandler = app.getRequestHandler();
const route = (req: IncomingMessage, res: ServerResponse) => {
  const handler = directApi.handler;
  if (!handler || !isPublicApiRequest(req)) return nextHandler(req, res);
  return answerDirectly(req, res, handler, origin);
};
// Bodies are bounded first, so a slow or oversized login body never holds a login's turn.
const handle = limitRequestBodies(takeSessionWritesInTurn(route));
await app.prepare();

const server = createServer((req, res) => {
  normaliseForwardedFor(req, trustProxy);
  void handle(req, res);
});
refuseBeforeContinue(server);
server.listen(port, hostname, () => {
  process.stdout.write(`cms: listening on http://${hostname}:${port}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
