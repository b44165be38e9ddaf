/**
 * `BeianWidget` for partners whose pages are React apps: the same widget with real React (a peer
 * dependency), rendered into a shadow root through a portal. Props are the embed's data attributes.
 */
import type { TWidgetConfig } from "@beian/contract";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { emit } from "./events.ts";
import { shadowMount, styleHost } from "./host.ts";
import { en } from "./i18n.en.ts";
import "./validation/english.ts";
import { STRINGS } from "./i18n.ts";
import { fetchPartnerConfig, type TConfigError } from "./partnerConfig.ts";
import css from "./styles.css";
import { resendPending } from "./submission/resendPending.ts";
import { Widget } from "./Widget.tsx";
import { resolveOptions, type TWidgetOptions } from "./widgetOptions.ts";

export type BeianWidgetProps = TWidgetOptions;

// The React component carries both languages (its bundle is the partner's to split).
STRINGS.en = en;

export function BeianWidget(props: BeianWidgetProps) {
  const { partner, mode, lang, type, launcher, api } = props;
  const options = resolveOptions({ partner, mode, lang, type, launcher, api });
  const host = useRef<HTMLDivElement>(null);
  const [config, setConfig] = useState<TWidgetConfig | null>(null);
  const [mount, setMount] = useState<HTMLElement | null>(null);

  useEffect(() => resendPending(), []);

  useEffect(() => {
    let live = true;
    setConfig(null);
    fetchPartnerConfig(options.api, options.partner).then(
      (loaded) => live && setConfig(loaded),
      (error: TConfigError) =>
        live &&
        emit("beian:error", { code: error.code ?? "internal_error", message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [options.api, options.partner]);

  useEffect(() => {
    if (!host.current) return;
    styleHost(host.current, options.mode);
    setMount(shadowMount(host.current, css));
  }, [options.mode]);

  return (
    <div ref={host} data-beian-widget={options.mode}>
      {config && mount
        ? createPortal(<Widget key={options.mode} config={config} options={options} />, mount)
        : null}
    </div>
  );
}
