/**
 * What a form turns into once it was sent: the reference (or order number) and what comes next.
 * A plain function returning elements rather than a component, like the controls in Field.tsx.
 */
import type { TLeadCreated, TOrderCreated } from "@beian/contract";
import type { TFormKind } from "../constants.ts";
import { referenceOf } from "../events.ts";
import type { TStrings } from "../i18n.ts";

/**
 * The result takes the focus when it appears, so that screen readers read it and the keyboard
 * starts from it. One function for every render: a ref that stays the same is called on mount
 * only, so a later re-render does not pull the focus back.
 */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

/** `again`: "Start another", back to an empty form. */
export function done(
  kind: TFormKind,
  t: TStrings,
  created: TLeadCreated | TOrderCreated,
  again: () => void,
) {
  const materials = "materials" in created ? created.materials : [];
  return (
    <div className="done" role="status" tabIndex={-1} ref={focusOnMount}>
      <p className="done-title">{t[`${kind}Done`]}</p>
      <p>
        {kind === "lead" ? t.reference : t.orderNo}: <strong>{referenceOf(created)}</strong>
      </p>
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
