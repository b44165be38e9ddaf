/** The partner's colour as a CSS value, and a text colour that stays readable on it (WCAG AA). */
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
export const DEFAULT_PRIMARY = "#1f5fbf";

export function primaryColor(input: unknown): string {
  return typeof input === "string" && HEX.test(input.trim()) ? input.trim() : DEFAULT_PRIMARY;
}

function luminance(hex: string): number {
  const digits = hex.length === 4 ? hex.replace(/\w/g, "$&$&") : hex;
  const channel = (i: number) => {
    const c = Number.parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** White text when it reaches 4.5:1 on the colour, else black (one of the two always does). */
export function onColor(hex: string): string {
  return 1.05 / (luminance(hex) + 0.05) >= 4.5 ? "#fff" : "#000";
}
