/**
 * Inside the bundle that created Payload (config.ts's `onInit`): hands Payload's REST handler to
 * the HTTP front for the public API (see directApi.ts).
 */
import { handleEndpoints, type Payload } from "payload";
import { handToFront } from "./directApi.ts";

export function offerDirectApi(payload: Payload): void {
  const { config } = payload;
  handToFront((request) => handleEndpoints({ config, request }));
}
