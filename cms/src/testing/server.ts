/**
 * Real HTTP in front of a test Payload, through Payload's own REST handler (`handleEndpoints`,
 * what the Next route calls): endpoint tests speak HTTP without building the Next app.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TRole } from "@beian/contract";
import { handleEndpoints } from "payload";
import { DEV_LOGINS } from "../devLogins.ts";
import { seed } from "../seed/index.ts";
import { limitRequestBodies, refuseBeforeContinue } from "../server/bodyLimits.ts";
import { answerDirectly } from "../server/directApi.ts";
import { normaliseForwardedFor } from "../server/forwardedFor.ts";
import { takeSessionWritesInTurn } from "../server/sessionWrites.ts";
import { createTestPayload, type TTestPayload } from "./payload.ts";

export type TPostOptions = {
  /** Added to (and overriding) the defaults below. */
  headers?: Record<string, string>;
  /** Sent as the body instead of `JSON.stringify(body)`. */
  raw?: string;
  redirect?: RequestRedirect;
};

/** The public API's answer to an accepted submission, by what was submitted. */
export type TSubmitted = {
  leads: { reference: string };
  orders: { orderNo: string; status: string; materials: string[] };
};

export type TTestServer = {
  url: string;
  /**
   * POSTs to `/api/public/<path>` as the site's page would: JSON, `Origin` = SITE_URL, and from
   * a client address of its own each time (`X-Forwarded-For`, for a test Payload with
   * TRUST_PROXY), so per-address rate limits only meet the tests that are about them.
   */
  postPublic: (path: string, body: unknown, options?: TPostOptions) => Promise<Response>;
  /**
   * Submits a lead or an order through `postPublic`, requires it to be accepted (201), and returns
   * the answer with the id of the document stored — what most tests start from.
   */
  submit: <K extends keyof TSubmitted>(
    kind: K,
    body: unknown,
    options?: TPostOptions,
  ) => Promise<TSubmitted[K] & { id: number }>;
  /**
   * `POST /api/users/login`, answered as it is (a refused login too); from 127.0.0.1 unless
   * `options.headers` names another client address (`X-Forwarded-For`, with TRUST_PROXY).
   */
  postLogin: (
    login: { email: string; password: string },
    options?: TPostOptions,
  ) => Promise<Response>;
  /** Logs in through `POST /api/users/login` and returns the JWT; throws unless that succeeds. */
  login: (email: string, password: string) => Promise<string>;
  /** The JWT of each seeded staff account (DEV_LOGINS), by role. */
  staffTokens: () => Promise<Record<TRole, string>>;
  close: () => Promise<void>;
};

export async function startTestServer(t: TTestPayload): Promise<TTestServer> {
  const config = t.payload.config;
  // The same front as server.ts: the client's address, bodies within their route's limit,
  // session writes one at a time, and Payload's answer as its direct public API gives it.
  const handler = (request: Request) =>
    handleEndpoints({ config, request, payloadInstanceCacheKey: t.dir });
  const handleInTurn = takeSessionWritesInTurn((req, res) =>
    answerDirectly(req, res, handler, `http://${req.headers.host}`),
  );
  const handle = limitRequestBodies(handleInTurn);
  const server = createServer((req, res) => {
    normaliseForwardedFor(req, t.env.TRUST_PROXY);
    void handle(req, res);
  });
  refuseBeforeContinue(server);
  // Idle connections stay open until the client drops them: a server-side timeout races fetch's
  // reuse of a kept-alive connection after a slow test (ECONNRESET on the next request).
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const origin = new URL(t.env.SITE_URL).origin;
  let clients = 0;
  const postLogin = (login: { email: string; password: string }, options: TPostOptions = {}) =>
    fetch(`${url}/api/users/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...options.headers },
      body: options.raw ?? JSON.stringify(login),
    });
  const login = async (email: string, password: string) => {
    const response = await postLogin({ email, password });
    if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  };
  const postPublic: TTestServer["postPublic"] = (path, body, options = {}) => {
    clients += 1;
    return fetch(`${url}/api/public/${path}`, {
      method: "POST",
      ...(options.redirect ? { redirect: options.redirect } : {}),
      headers: {
        "Content-Type": "application/json",
        Origin: origin,
        "X-Forwarded-For": `10.0.${Math.floor(clients / 250)}.${(clients % 250) + 1}`,
        ...options.headers,
      },
      body: options.raw ?? JSON.stringify(body),
    });
  };
  const submit: TTestServer["submit"] = async (kind, body, options) => {
    const response = await postPublic(kind, body, options);
    if (response.status !== 201) {
      throw new Error(`POST /api/public/${kind}: ${response.status} ${await response.text()}`);
    }
    const answer = (await response.json()) as TSubmitted[typeof kind];
    // The server's own read (overrideAccess): suspected spam is found too.
    const { docs } = await t.payload.find({
      collection: kind,
      where:
        "orderNo" in answer
          ? { orderNo: { equals: answer.orderNo } }
          : { reference: { equals: answer.reference } },
      depth: 0,
      limit: 1,
    });
    const id = docs[0]?.id;
    if (typeof id !== "number") throw new Error(`the ${kind} just accepted is not stored`);
    return { ...answer, id };
  };
  const loginAs = (role: TRole) => login(DEV_LOGINS[role].email, DEV_LOGINS[role].password);
  return {
    url,
    postPublic,
    submit,
    postLogin,
    login,
    // One at a time, as people log in.
    staffTokens: async () => ({
      admin: await loginAs("admin"),
      editor: await loginAs("editor"),
      sales: await loginAs("sales"),
    }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type TSeededServer = {
  t: TTestPayload;
  server: TTestServer;
  /** Stops the server, then the Payload behind it. */
  close: () => Promise<void>;
};

/** A seeded test Payload behind the test server: what the endpoint tests start from. */
export async function startSeededServer(
  overrides: Record<string, string> = {},
): Promise<TSeededServer> {
  const t = await createTestPayload(overrides);
  await seed(t.payload, t.env);
  const server = await startTestServer(t);
  return {
    t,
    server,
    close: async () => {
      await server.close();
      await t.close();
    },
  };
}
