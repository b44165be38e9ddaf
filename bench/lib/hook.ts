/**
 * A do-nothing deploy hook on 127.0.0.1. Given to a stack as SITE_BUILD_HOOK_URL, it replaces the
 * CMS's local rebuild-on-publish: while the bench creates 1300 documents, the CMS must not start
 * site builds of its own (they would compete for the 2 cores and swap half-filled sites live).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { onCleanup } from "./cleanup.ts";

export type THookStub = { url: string; calls: () => number; close: () => Promise<void> };

export async function startHookStub(): Promise<THookStub> {
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    req.resume();
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const { run: close } = onCleanup("build hook stub", async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${port}/build-hook`, calls: () => calls, close };
}
