/**
 * The three ways a partner embeds the lead form (CONTRACT §6), as copy-paste HTML. Pure: the CMS
 * admin imports this to show each partner its snippets, so it must not import React or the
 * embed's renderer.
 */
import { escapeHtml, FILING_TYPE_SLUGS } from "@beian/contract";

export type TSnippetInput = {
  /** Public base URL of the static site (SITE_URL). */
  siteUrl: string;
  /** Public base URL of the CMS (CMS_URL), where the plain form posts. */
  cmsUrl: string;
  /** The partner key (`direct` for the agency's own site). */
  partner: string;
  /** Shown in the sharing consent of the plain form; defaults to a generic wording. */
  partnerName?: string;
  /** Filing type names for the plain form's select; defaults to the standard Chinese names. */
  filingTypes?: readonly { slug: string; name: string }[];
};

export type TSnippets = { script: string; iframe: string; html: string };

const DEFAULT_TYPE_NAMES: Record<string, string> = {
  personal: "个人",
  "individual-business": "个体工商户",
  enterprise: "企业",
};

const base = (url: string): string => url.trim().replace(/\/+$/, "");

export function embedSnippets(input: TSnippetInput): TSnippets {
  const site = escapeHtml(base(input.siteUrl));
  const cms = escapeHtml(base(input.cmsUrl));
  const partner = input.partner.trim() || "direct";
  const key = escapeHtml(partner);
  const viaPartner = partner !== "direct";
  const types =
    input.filingTypes ??
    FILING_TYPE_SLUGS.map((slug) => ({ slug, name: DEFAULT_TYPE_NAMES[slug] ?? slug }));
  const sharedWith = input.partnerName ? escapeHtml(input.partnerName) : "合作伙伴";

  const script = `<script src="${site}/widget/v1/widget.js" data-partner="${key}" async></script>`;

  const iframe = `<iframe src="${site}/embed/?partner=${escapeHtml(encodeURIComponent(partner))}" title="小程序备案咨询" width="100%" height="760" loading="lazy" style="border:0;max-width:560px"></iframe>`;

  const field = (name: string, label: string, attributes: string, optional = false) =>
    `  <p>
    <label for="beian-${name}">${label}${optional ? "(选填)" : ""}</label><br>
    <input id="beian-${name}" name="${name}" ${attributes}>
  </p>`;

  const html = [
    `<form action="${cms}/api/public/leads" method="post" enctype="application/x-www-form-urlencoded" accept-charset="UTF-8" aria-label="小程序备案免费咨询">`,
    `  <input type="hidden" name="partner" value="${key}">`,
    field("name", "姓名", 'type="text" autocomplete="name" maxlength="50" required'),
    field(
      "phone",
      "手机号",
      'type="tel" inputmode="tel" autocomplete="tel" maxlength="40" required',
    ),
    field("email", "邮箱", 'type="email" autocomplete="email" maxlength="254"', true),
    field("company", "公司名称", 'type="text" autocomplete="organization" maxlength="100"', true),
    `  <p>
    <label for="beian-filingType">备案类型(选填)</label><br>
    <select id="beian-filingType" name="filingType">
      <option value="">请选择</option>
${types.map((type) => `      <option value="${escapeHtml(type.slug)}">${escapeHtml(type.name)}</option>`).join("\n")}
    </select>
  </p>`,
    `  <p>
    <label for="beian-message">留言(选填)</label><br>
    <textarea id="beian-message" name="message" rows="3" maxlength="2000"></textarea>
  </p>`,
    `  <p>
    <label><input type="checkbox" name="consent.privacy" value="true" required> 我已阅读并同意<a href="${site}/privacy/" target="_blank" rel="noopener">《隐私政策》</a></label>
  </p>`,
    ...(viaPartner
      ? [
          `  <p>
    <label><input type="checkbox" name="consent.sharing" value="true" required> 我同意与${sharedWith}及小程序备案中心共享以上信息,用于本次咨询服务</label>
  </p>`,
        ]
      : []),
    `  <p aria-hidden="true" style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden">
    <label>Website <input type="text" name="website" tabindex="-1" autocomplete="off"></label>
  </p>`,
    `  <p><button type="submit">提交咨询</button></p>`,
    `</form>`,
  ].join("\n");

  return { script, iframe, html };
}
