/**
 * The two hooks the widget uses (useState, useEffect), for the embed build only, on Preact's
 * option hooks: preact/hooks (~1 KiB gzip) also carries what the widget never calls (reducers,
 * context, memo, layout effects, error boundaries, after-paint scheduling). The same names and
 * behaviour as React's where the widget relies on them: a setter that keeps its identity, bails out
 * on an unchanged value and takes an updater; effects that run after the DOM is committed (children's
 * before their parent's), again when a dependency changed (Object.is), with the previous cleanup
 * first, and cleaned up on unmount. Effects run right after the commit rather than after the next
 * paint (what React does for discrete events such as a click or a key).
 *
 * Preact's option hooks are named by its mangled internals (`__r` before a component renders,
 * `__c` after a commit, `__c` on a vnode for its component), as preact/hooks itself uses them: a
 * Preact upgrade that renames them fails the widget's DOM tests (nothing renders or updates).
 */
import { type Component, options, type VNode } from "preact";

type TCleanup = (() => void) | undefined;
type TEffect = {
  run: () => unknown;
  cleanup?: TCleanup;
  deps?: readonly unknown[];
};
/** A hook's state: a useState pair, or an effect. */
type TSlot = { pair?: [unknown, (next: unknown) => void] } & Partial<TEffect>;
type THookedComponent = Component & { hooks?: TSlot[]; effects?: TSlot[] };
type THookOptions = {
  __r?: (vnode: VNode) => void;
  diffed?: (vnode: VNode) => void;
  unmount?: (vnode: VNode) => void;
  __c?: (vnode: VNode, queue: Component[]) => void;
};
type TInternalVNode = VNode & { __c?: THookedComponent | null };

const hookOptions = options as THookOptions;
let current: THookedComponent;
let index = 0;
/** The effects of the render being committed, children's first. */
let queued: TSlot[] = [];

const chain =
  <A extends unknown[]>(previous: ((...args: A) => void) | undefined, own: (...args: A) => void) =>
  (...args: A) => {
    own(...args);
    previous?.(...args);
  };

hookOptions.__r = chain(hookOptions.__r, (vnode: TInternalVNode) => {
  current = vnode.__c as THookedComponent;
  index = 0;
});
// A component's effects join the queue once it is diffed: after its children's, as in React.
hookOptions.diffed = chain(hookOptions.diffed, (vnode: TInternalVNode) => {
  const component = vnode.__c;
  if (component?.effects?.length) {
    queued.push(...component.effects);
    component.effects = [];
  }
});
hookOptions.__c = chain(hookOptions.__c, () => {
  const effects = queued;
  queued = [];
  for (const effect of effects) {
    effect.cleanup?.();
    const cleanup = effect.run?.();
    effect.cleanup = typeof cleanup === "function" ? (cleanup as () => void) : undefined;
  }
});
hookOptions.unmount = chain(hookOptions.unmount, (vnode: TInternalVNode) => {
  for (const slot of vnode.__c?.hooks ?? []) slot.cleanup?.();
});

/** The current component's next hook state (created on its first render). */
function slot(): TSlot {
  current.hooks ??= [];
  const i = index++;
  current.hooks[i] ??= {};
  return current.hooks[i];
}

export function useState<T>(initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void] {
  const state = slot();
  const component = current;
  state.pair ??= [
    typeof initial === "function" ? (initial as () => T)() : initial,
    (next) => {
      const pair = state.pair as [unknown, (next: unknown) => void];
      const value = typeof next === "function" ? (next as (previous: unknown) => T)(pair[0]) : next;
      if (Object.is(value, pair[0])) return;
      state.pair = [value, pair[1]];
      component.setState({});
    },
  ];
  return state.pair as [T, (next: T | ((previous: T) => T)) => void];
}

export function useEffect(run: () => unknown, deps: readonly unknown[]): void {
  const effect = slot();
  if (effect.deps && deps.every((dep, i) => Object.is(dep, effect.deps?.[i]))) return;
  effect.deps = deps;
  effect.run = run;
  current.effects ??= [];
  current.effects.push(effect);
}
