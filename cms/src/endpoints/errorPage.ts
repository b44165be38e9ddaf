/**
 * The error answer to a plain HTML form's post, whose browser shows the answer as a page: what was
 * wrong, field by field under the names the form shows, in the visitor's language, and a way back.
 * It looks like the site (its colours and system font stack, site/src/styles/global.css), with its
 * CSS inline and nothing loaded from anywhere.
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

/**
 * The names the lead and order forms give their fields (the widget's and the plain-HTML snippet's
 * labels), by payload path: [Chinese, English].
 */
const FIELD_LABELS: Record<string, readonly [string, string]> = {
  name: ["姓名", "Name"],
  phone: ["手机号", "Mobile number"],
  email: ["邮箱", "Email"],
  company: ["公司名称", "Company"],
  filingType: ["备案类型", "Filing type"],
  message: ["留言", "Message"],
  "contact.name": ["联系人", "Contact name"],
  "contact.phone": ["手机号", "Mobile number"],
  "contact.email": ["邮箱", "Email"],
  "entity.name": ["主体名称", "Entity name"],
  "entity.province": ["主体所在省份", "Entity's province"],
  "miniProgram.name": ["小程序名称", "Mini-program name"],
  "miniProgram.appId": ["小程序 AppID", "Mini-program AppID"],
  note: ["备注", "Note"],
  // A plain form's unticked box sends nothing: the whole `consent` is then missing.
  consent: ["同意隐私政策", "Privacy consent"],
  "consent.privacy": ["同意隐私政策", "Privacy consent"],
  "consent.sharing": ["同意信息共享", "Sharing consent"],
};

/** A field's name as the form shows it; a field the form has no control for goes unnamed. */
export function fieldLabel(path: string, locale: TLocale): string | undefined {
  return FIELD_LABELS[path]?.[locale === "en" ? 1 : 0];
}

/** The site's look (global.css): its colours, font stack, card and buttons. */
const CSS = [
  ":root{color-scheme:light}",
  "*{box-sizing:border-box}",
  'body{margin:0;background:#f5f8fc;color:#1a2433;font:1rem/1.75 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;-webkit-text-size-adjust:100%}',
  "main{width:min(40rem,100% - 2.5rem);margin:2.5rem auto;padding:1.5rem;background:#fff;border:1px solid #d9e0ea;border-radius:12px;box-shadow:0 1px 2px rgb(16 24 40/6%),0 4px 12px rgb(16 24 40/6%)}",
  "h1{margin:0 0 .6em;font-size:1.5rem;line-height:1.35}",
  "ul{margin:0 0 1.5rem;padding-left:1.25rem}",
  "li{margin:.25rem 0}",
  "li strong{color:#1a2433}",
  ".why{color:#b3261e}",
  "p{margin:0;display:flex;flex-wrap:wrap;gap:.75rem}",
  "a{display:inline-block;padding:.7rem 1.5rem;border:2px solid #1f5fbf;border-radius:999px;background:#1f5fbf;color:#fff;font-weight:600;line-height:1.4;text-decoration:none}",
  "a+a{background:transparent;color:#1f5fbf}",
  "a:focus-visible{outline:3px solid #f0a800;outline-offset:2px}",
].join("");

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
  const item = (path: string, text: string) => {
    const label = fieldLabel(path, locale);
    const why = `<span class="why">${escapeHtml(text)}</span>`;
    return `<li>${label ? `<strong>${escapeHtml(label)}</strong>${en ? ": " : ":"}` : ""}${why}</li>`;
  };
  const items = listed
    ? Object.entries(fields)
        .map(([path, text]) => item(path, text))
        .join("")
    : `<li>${escapeHtml(summary)}</li>`;
  // history.back(): the form as it was left, with what was typed (a link to it would empty it).
  const back = `<a href="javascript:history.back()">${en ? "Go back and correct" : "返回修改"}</a>`;
  const homeLink = home ? `<a href="${escapeHtml(home)}">${en ? "Home" : "返回首页"}</a>` : "";
  return `<!doctype html><html lang="${en ? "en" : "zh-CN"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${CSS}</style></head><body><main><h1>${title}</h1><ul>${items}</ul><p>${back}${homeLink}</p></main></body></html>`;
}
