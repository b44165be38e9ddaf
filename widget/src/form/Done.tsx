/**
 * What a form turns into once it was sent: the reference (or order number) and what comes next —
 * when we reply, the hotline, an order's tracking page and the materials to prepare.
 * A plain function returning elements rather than a component, like the controls in Field.tsx.
 */
import type { TLeadCreated, TOrderCreated, TWidgetConfig } from "@beian/contract";
import type { TFormKind } from "../constants.ts";
import { referenceOf } from "../events.ts";
import type { TStrings } from "../i18n.ts";
import { newTabLink } from "./consentLabels.tsx";

/**
 * The result takes the focus when it appears, so that screen readers read it and the keyboard
 * starts from it. One function for every render: a ref that stays the same is called on mount
 * only, so a later re-render does not pull the focus back.
 */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

/** The hotline as a tel: link (digits and + only). */
export const telLink = (phone: string) => (
  <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>
);

/**
 * `again`: "Start another", back to an empty form. The tracking page is on the site, whose address
 * the configuration gives as that of its privacy page (SITE_URL/privacy/): the widget may run on a
 * partner's page or take its API from elsewhere, so neither the page nor the API tells it. Order
 * numbers (B-XXXX-XXXX) need no escaping in a URL.
 */
export function done(
  kind: TFormKind,
  t: TStrings,
  config: TWidgetConfig,
  created: TLeadCreated | TOrderCreated,
  again: () => void,
) {
  const reference = referenceOf(created);
  const materials = "materials" in created ? created.materials : [];
  return (
    <div className="done" role="status" tabIndex={-1} ref={focusOnMount}>
      <p className="done-title">{t[`${kind}Done`]}</p>
      <p>
        {kind === "lead" ? t.reference : t.orderNo}: <strong>{reference}</strong>
      </p>
      <p>
        {t.reply} {telLink(config.contact.phone)}
      </p>
      {kind === "order" && (
        <p>
          {newTabLink(
            new URL(`/track/?order=${reference}`, config.consent.privacyUrl).href,
            t.track,
            t,
          )}
        </p>
      )}
      {materials.length ? (
        <>
          <p>{t.materials}</p>
          <ul>
            {materials.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="ghost" onClick={again}>
        {t.again}
      </button>
    </div>
  );
}
