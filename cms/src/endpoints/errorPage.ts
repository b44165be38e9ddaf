/**
 * The error answer to a plain HTML form's post, whose browser shows the answer as a page: what was
 * wrong, in the visitor's language, and a way back.
 */
import { escapeHtml, type TFieldErrors, type TLocale } from "@beian/contract";

export type TErrorPage = {
  locale: TLocale;
  /** Whether the fields were invalid (the page then asks to check them). */
  invalidFields: boolean;
  /** Each field's message, else `summary` alone. */
  fields: TFieldErrors | undefined;
  summary: string;
  /** The site's address, linked from the page. */
  home: string | undefined;
};

export function errorPageHtml({
  locale,
  invalidFields,
  fields,
  summary,
  home,
}: TErrorPage): string {
  const en = locale === "en";
  const title = invalidFields
    ? en
      ? "Please check your details"
      : "请检查填写的信息"
    : en
      ? "Your submission was not sent"
      : "提交未成功";
  const listed = fields && Object.keys(fields).length > 0;
  const items = listed
    ? Object.entries(fields)
        .map(
          ([field, text]) => `<li><strong>${escapeHtml(field)}</strong>: ${escapeHtml(text)}</li>`,
        )
        .join("")
    : `<li>${escapeHtml(summary)}</li>`;
  const back = `<a href="javascript:history.back()">${en ? "Go back and correct" : "返回修改"}</a>`;
  const homeLink = home ? ` · <a href="${escapeHtml(home)}">${en ? "Home" : "返回首页"}</a>` : "";
  return `<!doctype html><html lang="${en ? "en" : "zh-CN"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.7"><h1>${title}</h1><ul>${items}</ul><p>${back}${homeLink}</p></body></html>`;
}
