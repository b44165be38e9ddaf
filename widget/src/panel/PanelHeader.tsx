/**
 * The top of the panel: its heading (which names the dialog), the partner it serves, the close
 * button (floating only) and the two tabs, which arrow keys, Home and End move between (ARIA tabs).
 * A plain function returning elements rather than a component: it holds no state, and in the embed
 * a component's props object (whose names survive minification) costs bytes of the gzip budget.
 */
import type { TWidgetConfig } from "@beian/contract";
import type { KeyboardEvent as TKeyEvent } from "react";
import { DIRECT, KINDS, type TFormKind } from "../constants.ts";
import { fill, type TStrings } from "../i18n.ts";

/**
 * `partner`: the partner the widget serves (none named on the agency's own site); `close`: the
 * dialog's close button (none inline); `form`: the form shown, and `select` shows the other.
 */
export function panelHeader(
  t: TStrings,
  partner: TWidgetConfig["partner"],
  close: (() => void) | undefined,
  form: TFormKind,
  select: (form: TFormKind) => void,
) {
  const onTabKey = (event: TKeyEvent<HTMLDivElement>) => {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    event.preventDefault();
    const next: TFormKind =
      event.key === "Home"
        ? "lead"
        : event.key === "End"
          ? "order"
          : form === "lead"
            ? "order"
            : "lead";
    select(next);
    event.currentTarget.querySelector<HTMLElement>(`#bw-tab-${next}`)?.focus();
  };
  return (
    <>
      <div className="head">
        <div>
          <h2 id="bw-title">{t.title}</h2>
          {partner.key !== DIRECT && <p className="via">{fill(t.via, { p: partner.name })}</p>}
        </div>
        {close && (
          <button type="button" className="close" aria-label={t.close} onClick={close}>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
              <path stroke="currentColor" stroke-width="2" d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
        )}
      </div>
      <div role="tablist" aria-label={t.tabs} className="tabs" onKeyDown={onTabKey}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            id={`bw-tab-${kind}`}
            aria-controls={`bw-panel-${kind}`}
            aria-selected={form === kind}
            tabIndex={form === kind ? 0 : -1}
            onClick={() => select(kind)}
          >
            {t[kind]}
          </button>
        ))}
      </div>
    </>
  );
}
