/** What a form turns into once it was sent: the reference (or order number) and what comes next. */
import type { TLeadCreated, TOrderCreated } from "@beian/contract";
import { useEffect, useRef } from "react";
import type { TFormKind } from "../constants.ts";
import { referenceOf } from "../events.ts";
import type { TStrings } from "../i18n.ts";

export type TDoneProps = {
  kind: TFormKind;
  t: TStrings;
  created: TLeadCreated | TOrderCreated;
  /** "Start another": back to an empty form. */
  again: () => void;
};

export function Done({ kind, t, created, again }: TDoneProps) {
  const status = useRef<HTMLDivElement>(null);
  const materials = "materials" in created ? created.materials : [];

  // The result takes the focus so that screen readers read it and the keyboard starts from it.
  useEffect(() => {
    status.current?.focus();
  }, []);

  return (
    <div className="done" role="status" tabIndex={-1} ref={status}>
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
