/** The partner's configuration (`GET /api/public/widget-config`): theme, filing types, texts. */
import type { TApiError, TWidgetConfig } from "@beian/contract";
import type { TWidgetErrorCode } from "./events.ts";

export type TConfigError = Error & { code: TWidgetErrorCode };

const failure = (code: TWidgetErrorCode, message: string): TConfigError =>
  Object.assign(new Error(message), { code });

/** The answer carries what the widget cannot render without (the rest is the contract's word). */
const isWidgetConfig = (answer?: Partial<TWidgetConfig>): answer is TWidgetConfig =>
  !!answer?.partner && Array.isArray(answer.filingTypes);

/** GET the partner's configuration; a 404 (unknown or inactive partner) or any failure throws. */
export async function fetchPartnerConfig(
  api: string,
  partner: string,
  fetchFn: typeof fetch = fetch,
): Promise<TWidgetConfig> {
  let response: Response;
  try {
    response = await fetchFn(
      `${api}/api/public/widget-config?partner=${encodeURIComponent(partner)}`,
      { credentials: "omit", headers: { Accept: "application/json" } },
    );
  } catch {
    throw failure("network_error", "The widget configuration could not be loaded");
  }
  const answer: Partial<TWidgetConfig & TApiError> | undefined = await response
    .json()
    .catch(() => undefined);
  if (response.status === 404) {
    throw failure(
      answer?.error?.code ?? "unknown_partner",
      answer?.error?.message ?? "Unknown partner",
    );
  }
  if (!response.ok || !isWidgetConfig(answer)) {
    throw failure(
      answer?.error?.code ?? "internal_error",
      `Configuration answered ${response.status}`,
    );
  }
  return answer;
}
