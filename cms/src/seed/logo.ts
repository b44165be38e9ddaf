import { escapeHtml } from "@beian/contract";

/**
 * A square logo with the initials on a coloured ground, for demo cases and partners: invented
 * records must not borrow any real company's mark.
 */
export function logoSvg(initials: string, background: string): string {
  const size = initials.length > 1 ? 34 : 46;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="${escapeHtml(initials)}"><rect width="96" height="96" rx="20" fill="${escapeHtml(background)}"/><text x="48" y="50" fill="#ffffff" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="${size}" font-weight="700" text-anchor="middle" dominant-baseline="central">${escapeHtml(initials)}</text></svg>`;
}
