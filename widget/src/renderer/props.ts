/**
 * An element's props on its DOM node, the way React and Preact set them for what the widget uses:
 * `on…` handlers as event listeners (the lower-cased name: onKeyDown → keydown), `style` objects
 * (custom properties and camelCase names, string values), DOM properties where the element has one
 * (className, htmlFor, hidden, tabIndex…), attributes otherwise (aria-*, data-*, SVG's). The
 * renderer (tree.ts) sets `ref` at the commit, and `value` and `checked` after the children (a
 * select's options).
 */
export const SVG = "http://www.w3.org/2000/svg";
/** Properties set as attributes: removing them must remove the attribute (href="" is a link). */
const ATTRIBUTE_ONLY = /^(href|role|form|list)$/;

/** Each element's current handlers, by event type: one listener per type, updated in place. */
const handlers = new WeakMap<EventTarget, Record<string, (event: Event) => void>>();

function dispatch(event: Event): void {
  handlers.get(event.currentTarget as EventTarget)?.[event.type]?.(event);
}

function listen(dom: Element, type: string, handler: unknown): void {
  const own = handlers.get(dom) ?? {};
  handlers.set(dom, own);
  if (typeof handler === "function") {
    if (!own[type]) dom.addEventListener(type, dispatch);
    own[type] = handler as (event: Event) => void;
  } else {
    dom.removeEventListener(type, dispatch);
    delete own[type];
  }
}

type TStyle = Record<string, string | undefined>;

function setStyle(style: CSSStyleDeclaration, value: TStyle = {}, previous: TStyle = {}): void {
  for (const name in { ...previous, ...value }) {
    if (name.startsWith("-")) style.setProperty(name, value[name] ?? "");
    else (style as unknown as TStyle)[name] = value[name] ?? "";
  }
}

/** Sets prop `name` from `previous` to `value` on `dom` (`undefined` removes it). */
export function setProp(dom: Element, name: string, value: unknown, previous: unknown): void {
  if (name === "children" || name === "ref" || value === previous) return;
  if (name === "style") {
    setStyle((dom as HTMLElement).style, value as TStyle, previous as TStyle);
  } else if (name.startsWith("on")) {
    listen(dom, name.slice(2).toLowerCase(), value);
  } else if (dom.namespaceURI !== SVG && name in dom && !ATTRIBUTE_ONLY.test(name)) {
    (dom as unknown as Record<string, unknown>)[name] =
      value == null || value === false ? "" : value;
  } else if (value == null || (value === false && !/^(aria|data)-/.test(name))) {
    dom.removeAttribute(name);
  } else {
    dom.setAttribute(name, String(value));
  }
}
