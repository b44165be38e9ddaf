/**
 * Error codes → texts for people, in the widget: Chinese always bundled, English only once
 * registered (registerEnglishMessages, called by the English chunk), so a Chinese form does not
 * carry it. Named `register…`, not `use…`: it is no React hook (biome's hook rules say so too).
 */
import type { TLocale, TWidgetErrorCode, TWidgetMessages } from "@beian/contract";
import { ZH_CN_MESSAGES } from "@beian/contract/messages/zh-CN";

let english: TWidgetMessages | undefined;

/** Registers the English table (messages/en.ts); until then English asks get Chinese. */
export function registerEnglishMessages(table: TWidgetMessages): void {
  english = table;
}

/** The text for `code` in `lang`; a code the widget never meets gets the generic `invalid` text. */
export function fieldMessage(code: string, lang: TLocale): string {
  const table = (lang === "en" && english) || ZH_CN_MESSAGES;
  return table[code as TWidgetErrorCode] ?? table.invalid;
}
