/**
 * A page's widget slot (../components/WidgetEmbed.astro, the type page's order section): nothing
 * is downloaded until the slot is near the viewport, then the widget mounts inline there. A slot
 * with `data-widget-province-from` (the selector of the checklist's province <select>) keeps the
 * order form's province the one chosen there, also when the choice is cleared.
 */
import { pickedProvince, type TOpenRequest } from "./openRequest.ts";
import { widgetScript } from "./widgetScript.ts";

/** Defined by the widget script (CONTRACT §6). */
type TWidgetWindow = Window & { BeianWidget?: { open(options?: Partial<TOpenRequest>): void } };

const open = (options: Partial<TOpenRequest>) =>
  (window as TWidgetWindow).BeianWidget?.open(options);

function load(slot: HTMLElement, picker: HTMLSelectElement | null): void {
  const script = widgetScript();
  script.dataset.mode = "inline";
  script.dataset.target = `#${slot.id}`;
  script.dataset.lang = slot.dataset.widgetLang ?? "zh-CN";
  if (slot.dataset.widgetType) script.dataset.type = slot.dataset.widgetType;
  document.addEventListener(
    "beian:ready",
    () => {
      const form = slot.dataset.widgetForm === "lead" ? "lead" : "order";
      open({ form, ...(picker ? pickedProvince(picker.value) : {}) });
      // A province picked (or cleared) later is taken over too; the tab shown stays the visitor's.
      picker?.addEventListener("change", () => open(pickedProvince(picker.value)));
    },
    { once: true },
  );
  document.head.append(script);
}

for (const slot of document.querySelectorAll<HTMLElement>(".widget-slot")) {
  const from = slot.dataset.widgetProvinceFrom;
  const picker = from ? document.querySelector<HTMLSelectElement>(from) : null;
  new IntersectionObserver(
    (entries, observer) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        load(slot, picker);
      }
    },
    { rootMargin: "200px" },
  ).observe(slot);
}
