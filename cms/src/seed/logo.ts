const escapeXml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);

/**
 * A square logo with the initials on a coloured ground, for demo cases and partners: invented
 * records must not borrow any real company's mark.
 */
export function logoSvg(initials: string, background: string): string {
  const size = initials.length > 1 ? 34 : 46;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="${escapeXml(initials)}"><rect width="96" height="96" rx="20" fill="${escapeXml(background)}"/><text x="48" y="50" fill="#ffffff" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="${size}" font-weight="700" text-anchor="middle" dominant-baseline="central">${escapeXml(initials)}</text></svg>`;
}
