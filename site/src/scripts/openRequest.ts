/**
 * What a "reach us" link asks the widget for. Any element with `data-beian-open="lead"|"order"`
 * (optionally `data-beian-type="<slug>"`, `data-beian-province="<code>"`) opens the widget's form
 * through `window.BeianWidget.open()` (CONTRACT §6); its `href` is the way in without JavaScript.
 */
export const OPEN_SELECTOR = "[data-beian-open]";

export type TOpenRequest = { form: "lead" | "order"; type?: string; province?: string };

type TDataset = { beianOpen?: string; beianType?: string; beianProvince?: string };

/**
 * A key as the contract spells them (`individual-business`, `inner-mongolia`). Whether it names a
 * real type or province is the widget's to judge; importing the contract's lists here would cost
 * every page view their bytes.
 */
const KEY = /^[a-z]+(?:-[a-z]+)*$/;

/** The request an element's data attributes make; a malformed key is left out, not passed on. */
export function openRequest(dataset: TDataset): TOpenRequest {
  const form = dataset.beianOpen === "order" ? "order" : "lead";
  const { beianType: type, beianProvince: province } = dataset;
  return {
    form,
    ...(type && KEY.test(type) ? { type } : {}),
    ...(province && KEY.test(province) ? { province } : {}),
  };
}

/**
 * What a page's province choice asks of the order form: the chosen province, or "" when the choice
 * is cleared (or malformed), which clears the form's instead of leaving the last one chosen.
 */
export function pickedProvince(value: string): { province: string } {
  return { province: KEY.test(value) ? value : "" };
}

/** A click the page should handle itself: the primary button, without a key asking for a new tab. */
export function isPlainClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
