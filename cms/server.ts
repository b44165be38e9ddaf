/**
 * The CMS's HTTP server: Next.js (admin + REST API) behind a plain Node server, so the client's
 * address is known for rate limiting (see src/server/forwardedFor.ts), no request body passes its
 * route's limit (src/server/bodyLimits.ts) and an account's logins do not overwrite each other's
 * sessions (src/server/sessionWrites.ts). `pnpm start` runs it.
 * Node's own TypeScript support runs this file; it reads only the variables it needs to listen.
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { limitRequestBodies, refuseBeforeContinue } from "./src/server/bodyLimits.ts";
import { normaliseForwardedFor } from "./src/server/forwardedFor.ts";
import { takeSessionWritesInTurn } from "./src/server/sessionWrites.ts";

const dir = path.dirname(fileURLToPath(import.meta.url));
const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.CMS_PORT || 3000);
const trustProxy = process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1";

const app = next({ dev: false, dir, hostname, port });
// Bodies are bounded first, so a slow or oversized login body never holds a login's turn.
const handle = limitRequestBodies(takeSessionWritesInTurn(app.getRequestHandler()));
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
