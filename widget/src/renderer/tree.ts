/**
 * The embed's renderer: the part of React the widget uses, for function components, in the DOM.
 * The rendered tree is kept as instances; a render matches each child with the instance in its
 * slot (element.ts: position, or key) when it is of the same kind (the same tag, component or
 * text) and updates it and its DOM node in place, so a control keeps its node, its value and its
 * focus. State changes (hooks.ts) are batched in a microtask and render the changed components,
 * parents first; effects run after the DOM is committed, children's before their parent's.
 */
import { type JsxElement, slotted, type TComponent } from "./element.ts";
import { SVG, setProp } from "./props.ts";

/** A hook's state: a useState pair, or an effect with its dependencies and cleanup. */
export type THook = {
  state?: [unknown, (next: unknown) => void];
  run?: () => unknown;
  deps?: readonly unknown[];
  cleanup?: (() => void) | undefined;
};

/** One rendered child: an element, a text, or a component with what it rendered. */
export type TInstance = {
  /** What it renders: an element, or a text node's text. */
  node: JsxElement | string;
  /** An element's or a text's DOM node (a component has none; the root, its container). */
  dom?: Element | Text;
  /** An element's children, or what a component rendered. */
  kids: TInstance[];
  parent?: TInstance;
  slot: string;
  depth: number;
  hooks: THook[];
  /** The effects its last render asked for, run at the commit. */
  effects: THook[];
  dirty?: boolean;
  unmounted?: boolean;
};

let rendering: TInstance | undefined;
let hookIndex = 0;
/** The components rendered since the last commit, whose effects it runs (children first). */
let rendered: TInstance[] = [];
const dirty = new Set<TInstance>();
/** The refs to give their element at the commit, once it is in the document. */
let attaching: [TRef, Element][] = [];

type TRef = ((element: Element | null) => void) | { current: Element | null };

function setRef(ref: unknown, element: Element | null): void {
  if (typeof ref === "function") ref(element);
  else if (ref) (ref as { current: Element | null }).current = element;
}

/** The component rendering now, and its next hook (hooks.ts). */
export function nextHook(): [TInstance, THook] {
  const owner = rendering as TInstance;
  owner.hooks[hookIndex] ??= {};
  return [owner, owner.hooks[hookIndex++] as THook];
}

/** Renders `instance` again in a microtask, with the other changes of the same task. */
export function schedule(instance: TInstance): void {
  if (!dirty.size) Promise.resolve().then(flush);
  instance.dirty = true;
  dirty.add(instance);
}

function flush(): void {
  const batch = [...dirty].sort((a, b) => a.depth - b.depth);
  dirty.clear();
  // A parent's render has rendered its children already (and cleared their `dirty`).
  for (const instance of batch) {
    if (instance.dirty && !instance.unmounted) {
      renderComponent(instance);
      place(hostOf(instance));
    }
  }
  commit();
}

/**
 * Gives the new refs their elements, then runs the effects of what was rendered (children's
 * first), after the cleanups of their previous runs.
 */
function commit(): void {
  const refs = attaching;
  attaching = [];
  for (const [ref, element] of refs) setRef(ref, element);
  // Every effect is taken off its component first: one that throws leaves none to run twice.
  const effects = rendered.flatMap((instance) => {
    const own = instance.unmounted ? [] : instance.effects;
    instance.effects = [];
    return own;
  });
  rendered = [];
  // As React: the cleanups of the effects that run again, then the effects.
  for (const effect of effects) effect.cleanup?.();
  for (const effect of effects) {
    const cleanup = effect.run?.();
    effect.cleanup = typeof cleanup === "function" ? (cleanup as () => void) : undefined;
  }
}

function renderComponent(instance: TInstance): void {
  const { type, props } = instance.node as JsxElement;
  rendering = instance;
  hookIndex = 0;
  instance.dirty = false;
  const output = (type as TComponent)(props);
  rendering = undefined;
  reconcile(instance, output);
  rendered.push(instance);
}

/** The nearest instance with a DOM element: where `instance`'s DOM nodes are children. */
function hostOf(instance: TInstance): TInstance & { dom: Element } {
  let host = instance;
  while (!host.dom) host = host.parent as TInstance;
  return host as TInstance & { dom: Element };
}

const sameKind = (a: JsxElement | string, b: JsxElement | string): boolean =>
  typeof a === "string" ? typeof b === "string" : typeof b !== "string" && a.type === b.type;

/** `owner`'s kids for `children`: each slot's instance kept when of the same kind. */
function reconcile(owner: TInstance, children: unknown): void {
  const previous = new Map(owner.kids.map((kid) => [kid.slot, kid]));
  owner.kids = slotted(children).map(([slot, node]) => {
    let kid = previous.get(slot);
    if (kid && sameKind(kid.node, node)) previous.delete(slot);
    else {
      const depth = owner.depth + 1;
      kid = { node: "", kids: [], parent: owner, slot, depth, hooks: [], effects: [] };
    }
    update(kid, node);
    return kid;
  });
  for (const kid of previous.values()) unmount(kid, false);
}

function update(instance: TInstance, node: JsxElement | string): void {
  const previous = instance.node;
  instance.node = node;
  if (typeof node === "string") {
    if (!instance.dom) instance.dom = documentOf(instance).createTextNode(node);
    else if (previous !== node) (instance.dom as Text).data = node;
  } else if (typeof node.type === "function") renderComponent(instance);
  else updateElement(instance, node, typeof previous === "string" ? {} : previous.props);
}

const documentOf = (instance: TInstance): Document =>
  hostOf(instance.parent as TInstance).dom.ownerDocument;

function updateElement(
  instance: TInstance,
  { type, props }: JsxElement,
  previous: Record<string, unknown>,
): void {
  if (!instance.dom) {
    const parent = hostOf(instance.parent as TInstance).dom;
    instance.dom =
      type === "svg" || (parent.namespaceURI === SVG && parent.localName !== "foreignObject")
        ? parent.ownerDocument.createElementNS(SVG, type as string)
        : parent.ownerDocument.createElement(type as string);
  }
  const dom = instance.dom as Element & Record<string, unknown>;
  for (const name in previous) if (!(name in props)) setProp(dom, name, undefined, previous[name]);
  for (const name in props) {
    if (name !== "value" && name !== "checked") setProp(dom, name, props[name], previous[name]);
  }
  if (props.ref !== previous.ref) {
    setRef(previous.ref, null);
    if (props.ref) attaching.push([props.ref as TRef, dom]);
  }
  reconcile(instance, props.children);
  place(instance as TInstance & { dom: Element });
  // After the children (a select's value needs its options), against what the DOM holds now.
  for (const name of ["value", "checked"]) {
    // null or undefined: not controlled (React's rule), what the person typed stays.
    if (props[name] != null && dom[name] !== props[name]) dom[name] = props[name];
  }
}

/** The DOM nodes of `instances`, in order: an element's or a text's own, a component's kids'. */
const domNodes = (instances: TInstance[]): (Element | Text)[] =>
  instances.flatMap((kid) => (kid.dom ? [kid.dom] : domNodes(kid.kids)));

/** Puts `host`'s DOM children in the order of its instances, moving only those out of place. */
function place(host: TInstance & { dom: Element }): void {
  let next: Node | null = null;
  const nodes = domNodes(host.kids);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as Element | Text;
    if (node.parentNode !== host.dom || node.nextSibling !== next) {
      host.dom.insertBefore(node, next);
    }
    next = node;
  }
}

/** Cleans up `instance` and what it rendered, and takes its DOM out (unless an ancestor's went). */
function unmount(instance: TInstance, detached: boolean): void {
  instance.unmounted = true;
  for (const hook of instance.hooks) hook.cleanup?.();
  const { node, dom } = instance;
  if (dom && typeof node !== "string") setRef(node.props.ref, null);
  for (const kid of instance.kids) unmount(kid, detached || !!dom);
  if (dom && !detached) dom.remove();
}

/** React's createRoot on this renderer: `render` makes `container`'s content `children`. */
export function createRoot(container: Element) {
  const root: TInstance = {
    node: "",
    dom: container,
    kids: [],
    slot: "",
    depth: 0,
    hooks: [],
    effects: [],
  };
  return {
    render(children: unknown): void {
      reconcile(root, children);
      place(root as TInstance & { dom: Element });
      commit();
    },
  };
}
