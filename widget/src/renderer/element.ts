/**
 * Elements as JSX makes them, for the embed's renderer (tree.ts): what "react/jsx-runtime" and
 * React's createElement give the widget's components. Elements are instances of one class, so a
 * plain object (from a partner's configuration, say) can never pass for one and is not rendered.
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
 * arrays, a keyed element's key in place of its position. A slot that keeps its kind of child
 * keeps its DOM (and focus); null, undefined and booleans render nothing but keep their position.
 */
export function slotted(children: unknown, slot = "", out: TSlotted[] = []): TSlotted[] {
  if (Array.isArray(children)) {
    children.forEach((child, i) => {
      const keyed = child instanceof JsxElement && child.key != null;
      slotted(child, `${slot}/${keyed ? `#${child.key}` : i}`, out);
    });
  } else if (children instanceof JsxElement) out.push([slot, children]);
  else if (children != null && typeof children !== "boolean") out.push([slot, String(children)]);
  return out;
}
