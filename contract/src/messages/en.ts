/** The English texts behind the error codes the widget meets (the widget loads them only when asked). */
import type { TWidgetMessages } from "./types.ts";

export const EN_MESSAGES: TWidgetMessages = {
  required: "This field is required",
  too_long: "Too long",
  phone_invalid: "Enter a valid mainland China mobile number",
  email_invalid: "Enter a valid email address",
  filing_type_invalid: "Choose a valid filing type",
  consent_required: "Please accept the privacy notice",
  sharing_consent_required: "Please agree to sharing with the partner",
  invalid: "Invalid value",
  validation_failed: "Some details are not valid; please check and try again",
  origin_not_allowed: "This site may not submit here",
  unknown_partner: "Unknown or inactive partner",
  payload_too_large: "The submission is too large",
  unsupported_media_type: "Unsupported content type",
  rate_limited: "Too many submissions; please try again later",
  not_found: "Not found",
  internal_error: "The service is unavailable; please try again later or call the hotline",
};
