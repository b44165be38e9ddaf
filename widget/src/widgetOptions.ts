/** The widget's options: the embed tag's data attributes or the React component's props. */
import type { TLocale } from "@beian/contract";
import { DEFAULT_API_BASE, DIRECT } from "./constants.ts";

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
   * "none" (`data-launcher`, floating): no launcher button at all; the page opens the dialog with
   * `BeianWidget.open()` from its own buttons, and closing it gives focus back to what opened it.
   */
  launcher?: "none";
  /**
   * The CMS URL (`data-api`). The embed served by the site defaults to its own CMS (written in by
   * the site's release step); the React component needs it.
   */
  api?: string;
};

/** The options with their defaults applied. */
export type TResolvedOptions = {
  partner: string;
  mode: "floating" | "inline";
  lang: TLocale;
  type?: string;
  launcher?: "none";
  api: string;
};

/** The options as given: props or data attributes (any string; unknown ones mean the default). */
export type TGivenOptions = { [K in keyof TWidgetOptions]?: string | undefined };

export function resolveOptions(options: TGivenOptions): TResolvedOptions {
  return {
    partner: options.partner?.trim() || DIRECT,
    mode: options.mode === "inline" ? "inline" : "floating",
    lang: options.lang === "en" ? "en" : "zh-CN",
    ...(options.type ? { type: options.type } : {}),
    ...(options.launcher === "none" ? { launcher: "none" } : {}),
    api: (options.api?.trim() || DEFAULT_API_BASE).replace(/\/+$/, ""),
  };
}
