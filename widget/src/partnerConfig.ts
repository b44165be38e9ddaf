/** The partner's configuration (`GET /api/public/widget-config`): theme, filing types, texts. */
import type { TApiError, TWidgetConfig } from "@beian/contract";
import type { TWidgetErrorCode } from "./events.ts";

export type TConfigError = Error & { code: TWidgetErrorCode };

const failure = (code: TWidgetErrorCode, message: string): TConfigError =>
  Object.assign(new Error(message), { code });

/** The answer carries what the widget cannot render without (the rest is the contract's word). */
const isWidgetConfig = (answer?: Partial<TWidgetConfig>): answer is TWidgetConfig =>
  !!answer?.partner && Array.isArray(answer.filingTypes);

/**
 * GET the partner's configuration; a 404 (unknown or inactive partner), a 403 (this page's origin
 * is not one the partner allows: `origin_not_allowed`) or any failure throws.
 */
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
  if (!response.ok || !isWidgetConfig(answer)) {
    throw failure(
      answer?.error?.code ?? (response.status === 404 ? "unknown_partner" : "internal_error"),
      answer?.error?.message ?? `Configuration answered ${response.status}`,
    );
  }
  return answer;
}

/**
 * What the partner's developer reads in the console when the page's origin is not allowed: which
 * origin to add, and where in the admin.
 */
export function originNotAllowedHint(origin: string, partner: string): string {
  return `BeianWidget: 来源 ${origin} 未获合作伙伴「${partner}」允许,组件未显示。请在管理后台 › 合作伙伴 › ${partner} › 允许的来源 中添加 ${origin}`;
}
