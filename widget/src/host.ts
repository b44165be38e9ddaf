/**
 * The element the widget lives in, on a page whose CSS we do not control: its own styles are set
 * inline with !important (they beat even `* { all: unset !important }`), and everything else is
 * inside its shadow root. Shared by the loader (which places the host) and the form (which fills it).
 */
const RESET = "all:initial!important;display:block!important;visibility:visible!important;";
const FLOATING =
  "position:fixed!important;right:0!important;bottom:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483000!important;";

export function styleHost(host: HTMLElement, mode: "floating" | "inline", extra = ""): void {
  host.setAttribute("data-beian-widget", mode);
  host.style.cssText = RESET + (mode === "floating" ? FLOATING : "") + extra;
}

/** Attaches (or reuses) the open shadow root and puts `css` and a mount point in it (only). */
export function shadowMount(host: HTMLElement, css: string): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = css;
  const mount = document.createElement("div");
  root.replaceChildren(style, mount);
  return mount;
}
