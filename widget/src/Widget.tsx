/** The widget: a launcher and a dialog (floating) or the panel in place (inline), two forms. */
import {
  type CSSProperties,
  type KeyboardEvent as TKeyEvent,
  useEffect,
  useRef,
  useState,
} from "react";
import type { TConfig, TResolved } from "./config.ts";
import type { TFormKind } from "./constants.ts";
import { emit } from "./events.ts";
import { CONTROL, Form } from "./Form.tsx";
import { fill, STRINGS } from "./i18n.ts";
import { onColor, primaryColor } from "./theme.ts";

export type TOpenOptions = { form?: TFormKind; type?: string };
export type TControls = { open(options?: TOpenOptions): void; close(): void };

export type TWidgetProps = {
  config: TConfig;
  options: TResolved;
  /** Receives open/close once mounted (the embed's window.BeianWidget). */
  bind?: (controls: TControls) => void;
};

const KINDS: readonly TFormKind[] = ["lead", "order"];
const FOCUSABLE = `a[href],button:not([tabindex='-1']),${CONTROL},[tabindex='0']`;

export function Widget({ config, options, bind }: TWidgetProps) {
  const t = STRINGS[options.lang];
  const floating = options.mode === "floating";
  const [open, setOpen] = useState(!floating);
  const [form, setForm] = useState<TFormKind>("lead");
  const [preset, setPreset] = useState({ type: options.type, n: 0 });
  const [focusRequest, setFocusRequest] = useState(0);
  const panel = useRef<HTMLElement>(null);
  const launcher = useRef<HTMLButtonElement>(null);
  const controls = useRef<TControls>({ open() {}, close() {} });

  controls.current = {
    open(request = {}) {
      if (request.form === "lead" || request.form === "order") setForm(request.form);
      if (request.type) setPreset((current) => ({ type: request.type, n: current.n + 1 }));
      setOpen(true);
      setFocusRequest((n) => n + 1);
    },
    close() {
      if (!floating) return;
      setOpen(false);
      launcher.current?.focus();
    },
  };

  useEffect(() => {
    bind?.({
      open: (request) => controls.current.open(request),
      close: () => controls.current.close(),
    });
    emit("beian:ready", { partner: config.partner.key, mode: options.mode });
  }, [bind, config.partner.key, options.mode]);

  // Floating: open() moves focus into the dialog. Inline: open() only picks the form and type (the
  // site calls it on load; taking focus or scrolling there would pull the page away from the reader).
  useEffect(() => {
    if (!focusRequest || !floating) return;
    panel.current?.querySelector<HTMLElement>(`[role=tabpanel]:not([hidden]) ${CONTROL}`)?.focus();
  }, [focusRequest, floating]);

  // While the dialog is open: Escape closes it, Tab and Shift+Tab stay inside (also when focus
  // was left on the page, e.g. after a click outside).
  useEffect(() => {
    const root = panel.current;
    if (!floating || !open || !root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        controls.current.close();
        return;
      }
      if (event.key !== "Tab") return;
      const items = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (item) => !item.closest("[hidden],.hp"),
      );
      const first = items[0];
      const last = items[items.length - 1];
      const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
      const inside = items.some((item) => item === active);
      if (!inside || active === (event.shiftKey ? first : last)) {
        event.preventDefault();
        (event.shiftKey ? last : first)?.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [floating, open]);

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
    setForm(next);
    event.currentTarget.querySelector<HTMLElement>(`#bw-tab-${next}`)?.focus();
  };

  const primary = primaryColor(config.partner.theme?.primaryColor);
  const style = { "--bw-primary": primary, "--bw-on-primary": onColor(primary) } as CSSProperties;
  const partnerName = config.partner.key === "direct" ? "" : config.partner.name;

  const content = (
    <>
      <div className="head">
        <div>
          <h2 id="bw-title">{t.title}</h2>
          {partnerName && <p className="via">{fill(t.via, { p: partnerName })}</p>}
        </div>
        {floating && (
          <button
            type="button"
            className="close"
            aria-label={t.close}
            onClick={() => controls.current.close()}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
              <path
                fill="currentColor"
                d="M6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"
              />
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
            onClick={() => setForm(kind)}
          >
            {t[kind]}
          </button>
        ))}
      </div>
      {KINDS.map((kind) => (
        <Form
          key={kind}
          kind={kind}
          config={config}
          options={options}
          t={t}
          active={form === kind}
          visible={open && form === kind}
          preset={preset}
        />
      ))}
    </>
  );

  return (
    <div className="bw" lang={options.lang} style={style}>
      {floating && (
        <button
          ref={launcher}
          type="button"
          className="launcher"
          aria-expanded={open}
          aria-haspopup="dialog"
          onClick={() => (open ? controls.current.close() : controls.current.open())}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <path
              fill="currentColor"
              d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"
              transform="translate(-1 -1)"
            />
          </svg>
          {t.launcher}
        </button>
      )}
      {floating ? (
        <section
          ref={panel}
          className="panel floating"
          hidden={!open}
          role="dialog"
          aria-modal="true"
          aria-labelledby="bw-title"
        >
          {content}
        </section>
      ) : (
        <section ref={panel} className="panel" aria-labelledby="bw-title">
          {content}
        </section>
      )}
    </div>
  );
}
