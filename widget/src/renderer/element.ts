/**
 * Elements as JSX makes them, for the embed's renderer (tree.ts): what "react/jsx-runtime" and
 * React's createElement give the widget's components. Elements are instances of one class, so a
 * plain object (from a partner's configuration, say) can never pass for one: it shows as text.
 */

/** A function component: props in, children out. */
export type TComponent = (props: TProps) => unknown;
export type TProps = { [name: string]: unknown; children?: unknown };

export class JsxElement {
  constructor(
    readonly type: string | TComponent,
    readonly props: TProps,
    readonly key?: unknown,
  ) {}
}

/** React's Fragment: a component that renders its children. */
export const Fragment = (props: TProps): unknown => props.children;

/** The automatic JSX runtime's jsx/jsxs: the key comes apart from the props. */
export const jsx = (type: string | TComponent, props: TProps, key?: unknown): JsxElement =>
  new JsxElement(type, props, key);

/** React's createElement (esbuild's JSX uses it when a key follows a spread of props). */
export function createElement(
  type: string | TComponent,
  config: TProps | null,
  ...children: unknown[]
): JsxElement {
  const { key, ...props } = config ?? {};
  if (children.length) props.children = children.length > 1 ? children : children[0];
  return new JsxElement(type, props, key);
}

/** A child as the renderer places it: an element or a text, with its place among its siblings. */
export type TSlotted = [slot: string, child: JsxElement | string];

/**
 * The children that show, in order, each with its slot: the path of positions through nested
 * arrays, a keyed element's key in place of its position (also outside an array: a new key is a new
 * element, as in React), and a repeated slot (a key given twice) made unique. A slot that keeps its
 * kind of child keeps its DOM (and focus); null, undefined and booleans render nothing but keep
 * their position.
 */
export function slotted(children: unknown): TSlotted[] {
  const out: TSlotted[] = [];
  const taken = new Set<string>();
  const add = (slot: string, child: JsxElement | string) => {
    while (taken.has(slot)) slot += "~";
    taken.add(slot);
    out.push([slot, child]);
  };
  const walk = (value: unknown, slot: string): void => {
    if (Array.isArray(value)) {
      for (const [i, child] of value.entries()) {
        walk(child, child instanceof JsxElement && child.key != null ? `${slot}/` : `${slot}/${i}`);
      }
    } else if (value instanceof JsxElement) {
      add(value.key != null ? `${slot}#${value.key}` : slot, value);
    } else if (value != null && typeof value !== "boolean") add(slot, String(value));
  };
  walk(children, "");
  return out;
}
