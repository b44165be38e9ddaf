/**
 * v1/widget.js, the one tag of CONTRACT §6, as a loader of a few KiB: it reads its tag's data
 * attributes, defines window.BeianWidget (open/close are queued until the form is there), fetches
 * the partner's configuration, shows the launcher (floating; none with `data-launcher="none"`, where
 * the page opens the dialog itself) or reserves the form's space (inline), and loads the form
 * script (v1/form.js, beside it) only when the visitor reaches for it: pointer over, focus on or
 * tap of the launcher, or BeianWidget.open(); at once inline, or when this tab kept a submission to
 * resend. Defines no other global.
 */
import type { TWidgetConfig } from "@beian/contract";
import { emit, type TWidgetErrorCode } from "../events.ts";
import { styleHost } from "../host.ts";
import type { TControls, TOpenOptions } from "../panel/useDialog.ts";
import { fetchPartnerConfig, originNotAllowedHint, type TConfigError } from "../partnerConfig.ts";
import { PENDING_KEY } from "../submission/pending.ts";
import { resolveOptions } from "../widgetOptions.ts";
import { FORM_SCRIPT, loadScript, type TMountForm } from "./handoff.ts";
import { showLauncher } from "./launcher.ts";

type TWindow = Window & { BeianWidget?: TControls };

/**
 * The inline form's height before it renders: a partner's lead form (with its name and the sharing
 * consent) is 855 px tall from 390 px wide up (the panel stops growing at 560 px), about 20 px more
 * below; the agency's own is 777 px. The space is held, and kept until the visitor works in the
 * form (a change then is theirs, not a layout shift), so that the page below moves neither when the
 * form arrives nor because it is shorter. (tests/e2e/widget-loader.spec.ts: 390, 640, 1280 px.)
 */
const INLINE_RESERVED_HEIGHT = "min-height:900px!important;";

/** Whether this tab kept a submission that could not be sent (the form script resends it). */
function hasPending(): boolean {
  try {
    // Earlier versions kept submissions in localStorage: gone, unsent (resendPending does the same).
    localStorage.removeItem(PENDING_KEY);
    return !!sessionStorage.getItem(PENDING_KEY);
  } catch {
    // storage blocked (the form script, once loaded, tries again)
    return false;
  }
}

function init(): void {
  const win = window as TWindow;
  if (win.BeianWidget) return;
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="/v1/widget.js"]');
  const data = script?.dataset ?? {};
  const fromPage = data.partnerParam
    ? new URLSearchParams(location.search).get(data.partnerParam)
    : null;
  const options = resolveOptions({ ...data, partner: fromPage || data.partner });
  const base = new URL(".", script?.src || location.href).href;
  const fail = (code: TWidgetErrorCode, message: string) => emit("beian:error", { code, message });

  let controls: TControls | undefined;
  let queued: TOpenOptions | undefined;
  let loading = false;
  let mountForm: TMountForm | undefined;
  /** The placed host and its configuration, once the configuration arrived and the DOM is ready. */
  let placed: { host: HTMLElement; config: TWidgetConfig } | undefined;

  /** Hands over to the form once both are there: the loaded form script and the placed host. */
  const handOff = () => {
    if (!placed || !mountForm) return;
    const { host, config } = placed;
    const mount = mountForm;
    mountForm = undefined;
    const hadFocus = host.shadowRoot?.activeElement;
    mount({
      options,
      config,
      host,
      base,
      ready: options.mode === "floating",
      bind(bound) {
        controls = bound;
        if (hadFocus) host.shadowRoot?.querySelector<HTMLElement>(".launcher")?.focus();
        if (queued) bound.open(queued);
        queued = undefined;
      },
    });
  };
  /** Loads the form script once (again at the next reach if it failed). */
  const loadForm = () => {
    if (loading) return;
    loading = true;
    loadScript<TMountForm>(base + FORM_SCRIPT).then(
      (mount) => {
        mountForm = mount;
        handOff();
      },
      (error: Error) => {
        loading = false;
        fail("network_error", error.message);
      },
    );
  };
  win.BeianWidget = {
    open(request) {
      if (controls) return controls.open(request);
      queued = request ?? {};
      loadForm();
    },
    close() {
      if (controls) controls.close();
      else queued = undefined;
    },
  };

  const place = (): HTMLElement | undefined => {
    const host = document.createElement("div");
    if (options.mode === "floating") {
      styleHost(host, "floating");
      document.body.append(host);
      return host;
    }
    // Into data-target's element, or else right after the tag.
    let place: Element | null | undefined = script;
    try {
      if (data.target) place = document.querySelector(data.target);
    } catch {
      place = null; // not a selector: no element matches it
    }
    if (!place) {
      fail("target_not_found", `No element matches ${data.target ?? "the script"}`);
      return undefined;
    }
    styleHost(host, "inline", INLINE_RESERVED_HEIGHT);
    host.addEventListener("focusin", () => host.style.removeProperty("min-height"));
    if (data.target) place.append(host);
    else place.after(host);
    return host;
  };

  const start = async (config: TWidgetConfig) => {
    if (document.readyState === "loading") {
      await new Promise((ready) => document.addEventListener("DOMContentLoaded", ready));
    }
    const host = place();
    if (!host) return;
    if (options.mode === "floating") {
      // data-launcher="none": no launcher; the form draws none either (options.launcher).
      if (!options.launcher) {
        const launcher = showLauncher(host, options, config.partner.theme?.primaryColor);
        for (const type of ["pointerover", "pointerdown", "focus", "touchstart"]) {
          // loadForm runs once anyway
          launcher.addEventListener(type, loadForm, { passive: true });
        }
        launcher.addEventListener("click", () => win.BeianWidget?.open());
      }
      emit("beian:ready", { partner: config.partner.key, mode: "floating" });
    }
    placed = { host, config };
    handOff();
  };

  // Inline, or a kept submission to resend: the form script is fetched beside the configuration.
  if (options.mode === "inline" || hasPending()) loadForm();
  fetchPartnerConfig(options.api, options.partner).then(start, (error: TConfigError) => {
    const code = error.code ?? "internal_error";
    if (code === "origin_not_allowed") {
      console.error(originNotAllowedHint(location.origin, options.partner));
    }
    fail(code, error.message);
  });
}

init();
