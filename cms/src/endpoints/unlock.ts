/**
 * `POST /api/users/unlock` `{ email }`: lifts the lockout after failed logins. Payload's own
 * endpoint, answered through the one wrapper so that a refusal comes in the contract's error
 * shape; who may unlock is still the collection's `access.unlock` (admins only).
 */
import { message } from "@beian/contract";
import type { Endpoint } from "payload";
import type { UserAuthOperations } from "../payload-types.ts";
import { answer } from "./answer.ts";
import { readBody } from "./body.ts";
import { localeOf, Refusal } from "./refusal.ts";

export const unlockEndpoint: Endpoint = {
  path: "/unlock",
  method: "post",
  handler: answer({ name: "account unlock" }, async (req) => {
    const body = (await readBody(req)).data;
    const email =
      typeof body === "object" && body !== null && "email" in body && typeof body.email === "string"
        ? body.email.trim()
        : "";
    if (!email) {
      throw new Refusal("validation_failed", {
        fields: { email: message("required", localeOf(req)) },
      });
    }
    // Payload's generated auth types ask a password of an unlock too; the operation reads the email.
    const data = { email } as UserAuthOperations["unlock"];
    await req.payload.unlock({ collection: "users", data, overrideAccess: false, req });
    return Response.json({ message: req.t("general:success") });
  }),
};
