/** The consent checkboxes' labels, from the partner's configured wording. */
import type { TWidgetConfig } from "@beian/contract";
import type { ReactNode } from "react";
import { fill, type TStrings } from "../i18n.ts";

/** A link that opens in a new tab (without access to this page: browsers imply noopener), and says so to screen readers. */
export const newTabLink = (href: string, label: string, t: TStrings) => (
  <a href={href} target="_blank" rel="noopener">
    {label}
    <span className="sr">{t.newTab}</span>
  </a>
);

/** The sharing consent names the partner, whatever the configured wording says. */
export function sharingLabel({ consent, partner }: TWidgetConfig, t: TStrings): string {
  const text = consent.sharingText || fill(t.sharing, { p: partner.name });
  return text.includes(partner.name) ? text : text + fill(t.sharedWith, { p: partner.name });
}

/** The privacy text with its 《…》 part (or an added one) linking to the notice in a new tab. */
export function privacyLabel({ consent }: TWidgetConfig, t: TStrings): ReactNode {
  const { privacyText: text, privacyUrl: url } = consent;
  const match = /《[^》]*》/.exec(text);
  const link = (label: string) => newTabLink(url, label, t);
  if (!match) {
    return (
      <>
        {text} {link(t.privacy)}
      </>
    );
  }
  return (
    <>
      {text.slice(0, match.index)}
      {link(match[0])}
      {text.slice(match.index + match[0].length)}
    </>
  );
}
