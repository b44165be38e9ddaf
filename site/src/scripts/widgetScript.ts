/**
 * The widget's script tag (CONTRACT §6) as the site adds it, floating behind the 在线咨询 links
 * (./widgetOpener.ts) or inline in a page's widget slot (./widgetSlot.ts): the caller sets its
 * data attributes and appends it.
 */
export const WIDGET_SRC = "/widget/v1/widget.js";

export function widgetScript(): HTMLScriptElement {
  const script = document.createElement("script");
  script.src = WIDGET_SRC;
  script.async = true;
  return script;
}
