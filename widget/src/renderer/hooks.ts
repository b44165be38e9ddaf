/**
 * useState, useEffect and useRef on the embed's renderer (tree.ts), as React's where the widget
 * relies on them: a setter that keeps its identity, bails out on an unchanged value (Object.is)
 * and takes an updater; effects that run after the DOM is committed (children's before their
 * parent's), again when a dependency changed, with the previous cleanup first, and cleaned up on
 * unmount. Effects run right after the commit rather than after the next paint (what React does
 * for discrete events such as a click or a key).
 */
import { nextHook, schedule } from "./tree.ts";

type TSetter<T> = (next: T | ((previous: T) => T)) => void;

export function useState<T>(initial: T | (() => T)): [T, TSetter<T>] {
  const [owner, hook] = nextHook();
  hook.state ??= [
    typeof initial === "function" ? (initial as () => T)() : initial,
    (next) => {
      const [value, setter] = hook.state as [unknown, (next: unknown) => void];
      const nextValue =
        typeof next === "function" ? (next as (previous: unknown) => T)(value) : next;
      if (Object.is(nextValue, value)) return;
      hook.state = [nextValue, setter];
      schedule(owner);
    },
  ];
  return hook.state as [T, TSetter<T>];
}

export function useEffect(run: () => unknown, deps: readonly unknown[]): void {
  const [owner, hook] = nextHook();
  if (hook.deps && deps.every((dep, i) => Object.is(dep, hook.deps?.[i]))) return;
  hook.deps = deps;
  hook.run = run;
  owner.effects.push(hook);
}

/** React's useRef: the same object for the component's life. */
export const useRef = <T>(initial: T): { current: T } => useState(() => ({ current: initial }))[0];
