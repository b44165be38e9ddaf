/** The widget's options (data attributes or React props) and the partner's configuration. */
import type { TLocale } from "@beian/contract";
import { DEFAULT_API_BASE, DIRECT } from "./constants.ts";

export type TFilingType = { slug: string; name: string; audience?: string; features?: string[] };
export type TConfig = {
  partner: { key: string; name: string; theme?: { primaryColor?: string } };
  filingTypes: TFilingType[];
  contact: { phone: string };
  consent: { privacyText: string; privacyUrl: string; sharingText?: string };
};

/** The public options, the same as the data attributes of the embed tag (CONTRACT §6). */
export type TWidgetOptions = {
  /** Partner key (`data-partner`), default "direct". */
  partner?: string;
  /** "floating" (launcher + dialog, default) or "inline" (the form in place). */
  mode?: "floating" | "inline";
  /** "zh-CN" (default) or "en". */
  lang?: "zh-CN" | "en";
  /** Preselected filing type slug (`data-type`). */
  type?: string;
  /**
   * The CMS URL (`data-api`). The embed served by the site defaults to its own CMS (written in by
   * the site's release step); the React component needs it.
   */
  api?: string;
};

export type TResolved = {
  partner: string;
  mode: "floating" | "inline";
  lang: TLocale;
  type?: string;
  api: string;
};

export function resolveOptions(options: TWidgetOptions): TResolved {
  return {
    partner: options.partner?.trim() || DIRECT,
    mode: options.mode === "inline" ? "inline" : "floating",
    lang: options.lang === "en" ? "en" : "zh-CN",
    ...(options.type ? { type: options.type } : {}),
    api: (options.api?.trim() || DEFAULT_API_BASE).replace(/\/+$/, ""),
  };
}

export type TConfigError = Error & { code: string };

const failure = (code: string, message: string): TConfigError =>
  Object.assign(new Error(message), { code });

/** GET the partner's configuration; a 404 (unknown or inactive partner) or any failure throws. */
export async function fetchConfig(
  api: string,
  partner: string,
  fetchFn: typeof fetch = fetch,
): Promise<TConfig> {
  let response: Response;
  try {
    response = await fetchFn(
      `${api}/api/public/widget-config?partner=${encodeURIComponent(partner)}`,
      { credentials: "omit", headers: { Accept: "application/json" } },
    );
  } catch {
    throw failure("network_error", "The widget configuration could not be loaded");
  }
  const json = (await response.json().catch(() => undefined)) as
    | (TConfig & { error?: { code?: string; message?: string } })
    | undefined;
  if (response.status === 404) {
    throw failure(
      json?.error?.code ?? "unknown_partner",
      json?.error?.message ?? "Unknown partner",
    );
  }
  if (!response.ok || !json?.partner || !Array.isArray(json.filingTypes)) {
    throw failure(
      json?.error?.code ?? "internal_error",
      `Configuration answered ${response.status}`,
    );
  }
  return json;
}
