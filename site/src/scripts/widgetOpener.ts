/**
 * Opens the widget's form from any `[data-beian-open]` link (see ./openRequest.ts). Nothing is
 * downloaded until a visitor reaches for such a link: the first pointer over, focus on or touch of
 * one injects /widget/v1/widget.js (floating), and the tap opens the form once the widget says
 * `beian:ready`. Only the widget's public API is used (CONTRACT §6). If the widget cannot load, the
 * link is followed: its href is the way to reach us without JavaScript.
 */
import { isPlainClick, OPEN_SELECTOR, openRequest, type TOpenRequest } from "./openRequest.ts";
import { WIDGET_SRC, widgetScript } from "./widgetScript.ts";
// The page's widget slot, if it has one (type pages), is served by this same script rather than an
// island of its own: the two share ./widgetScript.ts without a chunk each page would fetch apart.
import "./widgetSlot.ts";

type TBeianWidget = { open(options?: TOpenRequest): void; close(): void };
type TWidgetWindow = Window & { BeianWidget?: TBeianWidget };

/** How long a tap waits for the widget before following the link instead. */
const GIVE_UP_MS = 10_000;

let ready = false;
document.addEventListener("beian:ready", () => {
  ready = true;
});

let loading: Promise<TBeianWidget> | undefined;

/** The widget once ready: the page's own (e.g. inline on a type page) or one loaded here. */
function widget(): Promise<TBeianWidget> {
  loading ??= new Promise((resolve, reject) => {
    const win = window as TWidgetWindow;
    const settle = () => {
      if (win.BeianWidget) resolve(win.BeianWidget);
      else reject(new Error("beian:ready without window.BeianWidget"));
    };
    if (ready) return settle();
    // Listeners that the page's own island adds run first: open after them.
    document.addEventListener("beian:ready", () => setTimeout(settle), { once: true });
    document.addEventListener("beian:error", () => ready || reject(new Error("beian:error")), {
      once: true,
    });
    setTimeout(() => reject(new Error("the widget did not get ready")), GIVE_UP_MS);
    // One BeianWidget per page: a page with its own widget slot loads the widget there.
    if (win.BeianWidget || document.querySelector(".widget-slot")) return;
    const script = widgetScript();
    script.dataset.mode = "floating";
    script.dataset.lang = document.documentElement.lang || "zh-CN";
    script.onerror = () => reject(new Error(`${WIDGET_SRC} did not load`));
    document.head.append(script);
  });
  // A failed load may be retried by the next tap.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const linkOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLElement>(OPEN_SELECTOR) : null;

function prefetch(event: Event): void {
  if (linkOf(event.target)) widget().catch(() => {});
}

function open(event: MouseEvent): void {
  const link = linkOf(event.target);
  if (!link || !isPlainClick(event)) return;
  event.preventDefault();
  const request = openRequest(link.dataset);
  // The page's inline widget slot (type pages) is where the form is: bring it into view.
  document.querySelector(".widget-slot")?.scrollIntoView({ block: "start" });
  link.setAttribute("aria-busy", "true");
  widget()
    .then(
      (beian) => beian.open(request),
      () => {
        const href = link.getAttribute("href");
        if (href) location.assign(href);
      },
    )
    .finally(() => link.removeAttribute("aria-busy"));
}

for (const type of ["pointerover", "focusin", "touchstart"]) {
  document.addEventListener(type, prefetch, { passive: true });
}
document.addEventListener("click", open);
