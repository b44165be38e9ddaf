/**
 * The one-tag embed (CONTRACT §6), built as a self-contained IIFE with React aliased to Preact:
 * reads its script tag's data attributes, loads the partner's configuration, mounts the widget in
 * a shadow root and exposes window.BeianWidget.open() / .close(). Defines no other global.
 */
// The bundle keeps this order: the widget's texts next to the contract's messages (both languages'
// strings side by side) compress ~0.13 KiB better than with Preact or the CSS between them.
import "./i18n.ts";
import "@beian/contract";
import "./host.ts";
import "./submission/pending.ts";
import type { TWidgetConfig } from "@beian/contract";
import { createRoot } from "react-dom/client";
import { emit, type TWidgetErrorCode } from "./events.ts";
import { shadowMount, styleHost } from "./host.ts";
import type { TControls, TOpenOptions } from "./panel/useDialog.ts";
import { fetchPartnerConfig, type TConfigError } from "./partnerConfig.ts";
import { resendPending } from "./submission/resendPending.ts";
import { Widget } from "./Widget.tsx";
import { resolveOptions } from "./widgetOptions.ts";

type TWindow = Window & { BeianWidget?: TControls };

function init(): void {
  const win = window as TWindow;
  if (win.BeianWidget) return;
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="/widget/v1/widget.js"]');
  const data = script?.dataset ?? {};
  const fromPage = data.partnerParam
    ? new URLSearchParams(location.search).get(data.partnerParam)
    : null;
  const options = resolveOptions({ ...data, partner: fromPage || data.partner });

  let controls: TControls | undefined;
  let queued: TOpenOptions | undefined;
  win.BeianWidget = {
    open(request) {
      if (controls) controls.open(request);
      else queued = request ?? {};
    },
    close() {
      if (controls) controls.close();
      else queued = undefined;
    },
  };

  const fail = (code: TWidgetErrorCode, message: string) => emit("beian:error", { code, message });

  const mount = (config: TWidgetConfig) => {
    let parent: Element | null = document.body;
    if (options.mode === "inline") {
      try {
        parent = data.target
          ? document.querySelector(data.target)
          : (script?.parentElement ?? null);
      } catch {
        parent = null;
      }
    }
    if (!parent)
      return fail("target_not_found", `No element matches ${data.target ?? "the target"}`);
    const host = document.createElement("div");
    styleHost(host, options.mode);
    if (options.mode === "inline" && !data.target && script) script.after(host);
    else parent.append(host);
    const bind = (bound: TControls) => {
      controls = bound;
      if (queued) bound.open(queued);
      queued = undefined;
    };
    createRoot(shadowMount(host)).render(<Widget config={config} options={options} bind={bind} />);
  };

  resendPending();
  fetchPartnerConfig(options.api, options.partner).then(
    (config) => {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => mount(config), { once: true });
      } else mount(config);
    },
    (error: TConfigError) => fail(error.code ?? "internal_error", error.message),
  );
}

init();
