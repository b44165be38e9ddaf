/**
 * The embed's own useState/useEffect (hooks.ts) behave as React's where the widget relies on them,
 * rendered by Preact into a happy-dom document.
 */
import { Window } from "happy-dom";
import { createElement as h, render } from "preact";
import { beforeEach, describe, expect, it } from "vitest";
import { useEffect, useState } from "./hooks.ts";

type TProbe = {
  root: Element;
  renders: number;
  setters: Set<unknown>;
  set(next: number | ((previous: number) => number)): void;
  log: string[];
  setDep(next: number): void;
};
/** What the components below report to the test. */
const probe: TProbe = {
  root: null as unknown as Element,
  renders: 0,
  setters: new Set(),
  set() {},
  log: [],
  setDep() {},
};

beforeEach(() => {
  probe.root = new Window().document.createElement("div") as unknown as Element;
  probe.renders = 0;
  probe.setters.clear();
  probe.log = [];
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function Counter() {
  const [count, setCount] = useState(() => 1);
  probe.renders++;
  probe.setters.add(setCount);
  probe.set = setCount;
  return h("p", null, String(count));
}

function Child({ dep }: { dep: number }) {
  useEffect(() => {
    probe.log.push(`child ${dep} in DOM: ${!!probe.root.querySelector("b")}`);
    return () => probe.log.push(`child cleanup ${dep}`);
  }, [dep]);
  return h("b", null, String(dep));
}

function Parent() {
  const [dep, setDep] = useState(1);
  const [renders, setRenders] = useState(0);
  probe.setDep = (next) => (next === dep ? setRenders(renders + 1) : setDep(next));
  useEffect(() => {
    probe.log.push("parent");
  }, []);
  return h(Child, { dep });
}

describe("the embed's hooks", () => {
  it("useState: a stable setter, updaters applied in turn, no render for an unchanged value", async () => {
    render(h(Counter, null), probe.root);
    expect(probe.root.textContent).toBe("1");
    probe.set((n) => n + 1);
    probe.set((n) => n * 10);
    await settle();
    expect(probe.root.textContent).toBe("20");
    const rendered = probe.renders;
    probe.set(20);
    await settle();
    expect(probe.renders).toBe(rendered);
    expect(probe.setters.size).toBe(1);
  });

  it("useEffect: after the commit, children first; again on a changed dependency after the cleanup; cleaned up on unmount", async () => {
    render(h(Parent, null), probe.root);
    expect(probe.log).toEqual(["child 1 in DOM: true", "parent"]);
    probe.setDep(1); // a re-render with the same dependency: no effect
    await settle();
    expect(probe.log).toHaveLength(2);
    probe.setDep(2);
    await settle();
    expect(probe.log.slice(2)).toEqual(["child cleanup 1", "child 2 in DOM: true"]);
    render(null, probe.root);
    expect(probe.log.slice(4)).toEqual(["child cleanup 2"]);
  });
});
