/**
 * What triggered a build, in the admin's words: the publisher records `faqs#12`, `landing`,
 * `manual rebuild` (src/publishing/); staff read 常见问题 #12, 首页, 手动重新发布.
 */
const SOURCES: Record<string, { zh: string; en: string }> = {
  landing: { zh: "首页", en: "Landing page" },
  "site-settings": { zh: "站点设置", en: "Site settings" },
  "guide-articles": { zh: "备案指引", en: "Guide article" },
  faqs: { zh: "常见问题", en: "FAQ" },
  cases: { zh: "客户案例", en: "Case" },
  "filing-types": { zh: "备案类型", en: "Filing type" },
  "filing-stages": { zh: "备案阶段", en: "Filing stage" },
  pages: { zh: "页面", en: "Page" },
  media: { zh: "媒体文件", en: "Media" },
  partners: { zh: "合作伙伴", en: "Partner" },
  "province-rules": { zh: "各省规则", en: "Province rule" },
};

const PHRASES: Record<string, { zh: string; en: string }> = {
  "manual rebuild": { zh: "手动重新发布", en: "Manual rebuild" },
  "changes during the last build": {
    zh: "上次构建期间的修改",
    en: "Changes during the last build",
  },
};

function one(reason: string, lang: "zh" | "en"): string {
  const phrase = PHRASES[reason];
  if (phrase) return phrase[lang];
  const match = /^([a-z-]+)(?:#(\S+))?( deleted)?$/.exec(reason);
  const source = match?.[1] ? SOURCES[match[1]] : undefined;
  if (!match || !source) return reason;
  const deleted = match[3] ? (lang === "zh" ? "(已删除)" : " (deleted)") : "";
  return `${source[lang]}${match[2] ? ` #${match[2]}` : ""}${deleted}`;
}

/** `landing, faqs#3 … (+2)` → `首页、常见问题 #3 … 等另 2 项`. */
export function reasonText(reasons: string, lang: "zh" | "en"): string {
  const more = / … \(\+(\d+)\)$/.exec(reasons);
  const list = (more ? reasons.slice(0, more.index) : reasons).split(", ").map((r) => one(r, lang));
  const joined = list.join(lang === "zh" ? "、" : ", ");
  if (!more) return joined;
  return lang === "zh" ? `${joined} 等另 ${more[1]} 项` : `${joined} and ${more[1]} more`;
}
