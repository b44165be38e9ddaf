/** The widget: a launcher and a dialog (floating) or the panel in place (inline), two forms. */
import type { TWidgetConfig } from "@beian/contract";
import { type CSSProperties, useEffect, useRef } from "react";
import { KINDS } from "./constants.ts";
import { emit } from "./events.ts";
import { Form } from "./form/Form.tsx";
import { STRINGS } from "./i18n.ts";
import { panelHeader } from "./panel/PanelHeader.tsx";
import { type TControls, useDialog } from "./panel/useDialog.ts";
import { onColor, primaryColor } from "./theme.ts";
import type { TResolvedOptions } from "./widgetOptions.ts";

export type TWidgetProps = {
  config: TWidgetConfig;
  options: TResolvedOptions;
  /** Receives open/close once mounted (the embed's window.BeianWidget). */
  bind?: (controls: TControls) => void;
};

export function Widget({ config, options, bind }: TWidgetProps) {
  const t = STRINGS[options.lang];
  const floating = options.mode === "floating";
  // `launcher: "none"`: the page's own buttons open the dialog (BeianWidget.open()).
  const withLauncher = floating && options.launcher !== "none";
  const panel = useRef<HTMLElement>(null);
  const launcher = useRef<HTMLButtonElement>(null);
  const [open, form, setForm, preset, controls] = useDialog(
    floating,
    options.type,
    panel,
    launcher,
  );

  useEffect(() => {
    bind?.({
      open: (request) => controls.current.open(request),
      close: () => controls.current.close(),
    });
    emit("beian:ready", { partner: config.partner.key, mode: options.mode });
  }, [bind, config.partner.key, options.mode, controls]);

  const primary = primaryColor(config.partner.theme?.primaryColor);
  const style = { "--bw-primary": primary, "--bw-on-primary": onColor(primary) } as CSSProperties;

  return (
    <div className="bw" lang={options.lang} style={style}>
      {withLauncher && (
        <button
          ref={launcher}
          type="button"
          className="launcher"
          aria-expanded={open}
          aria-haspopup="dialog"
          onClick={() => (open ? controls.current.close() : controls.current.open())}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <path fill="currentColor" d="M3 3h18v14H7l-4 4z" />
          </svg>
          {t.launcher}
        </button>
      )}
      {/* floating: a modal dialog the launcher opens; inline: the panel in place */}
      <section
        ref={panel}
        className={floating ? "panel floating" : "panel"}
        aria-labelledby="bw-title"
        {...(floating && { role: "dialog", "aria-modal": "true", hidden: !open })}
      >
        {panelHeader(
          t,
          config.partner,
          floating ? () => controls.current.close() : undefined,
          form,
          setForm,
        )}
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
      </section>
    </div>
  );
}
