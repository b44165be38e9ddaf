/**
 * The element the widget lives in, on a page whose CSS we do not control: its own styles are set
 * inline with !important (they beat even `* { all: unset !important }`), and everything else is
 * inside its shadow root.
 */
import css from "./styles.css";

const RESET = "all:initial!important;display:block!important;visibility:visible!important;";
const FLOATING =
  "position:fixed!important;right:0!important;bottom:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483000!important;";

export function styleHost(host: HTMLElement, mode: "floating" | "inline"): void {
  host.setAttribute("data-beian-widget", mode);
  host.style.cssText = RESET + (mode === "floating" ? FLOATING : "");
}

/** Attaches (or reuses) the open shadow root, with our stylesheet and a mount point. */
export function shadowMount(host: HTMLElement): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = css;
  const mount = document.createElement("div");
  root.replaceChildren(style, mount);
  return mount;
}
