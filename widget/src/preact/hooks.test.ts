/**
 * The embed's own useState/useEffect (hooks.ts) behave as React's where the widget relies on them,
 * rendered by Preact into a happy-dom document.
 */
import { Window } from "happy-dom";
import { createElement as h, render } from "preact";
import { describe, expect, it } from "vitest";
import { useEffect, useState } from "./hooks.ts";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
  const window = new Window();
  const root = window.document.createElement("div") as unknown as Element;
  return { root, window };
}

describe("the embed's hooks", () => {
  it("useState: a stable setter, updaters applied in turn, no render for an unchanged value", async () => {
    const { root } = mount();
    const setters: unknown[] = [];
    let renders = 0;
    let set: (next: number | ((previous: number) => number)) => void = () => undefined;
    function Counter() {
      const [count, setCount] = useState(() => 1);
      renders++;
      setters.push(setCount);
      set = setCount;
      return h("p", null, String(count));
    }
    render(h(Counter, null), root);
    expect(root.textContent).toBe("1");
    set((n) => n + 1);
    set((n) => n * 10);
    await settle();
    expect(root.textContent).toBe("20");
    const rendered = renders;
    set(20);
    await settle();
    expect(renders).toBe(rendered);
    expect(new Set(setters).size).toBe(1);
  });

  it("useEffect: after the commit, children first; again on a changed dependency after the cleanup; cleaned up on unmount", async () => {
    const { root } = mount();
    const log: string[] = [];
    let setDep: (next: number) => void = () => undefined;
    function Child({ dep }: { dep: number }) {
      useEffect(() => {
        log.push(`child ${dep} in DOM: ${!!root.querySelector("b")}`);
        return () => log.push(`child cleanup ${dep}`);
      }, [dep]);
      return h("b", null, String(dep));
    }
    function Parent() {
      const [dep, set] = useState(1);
      const [other, setOther] = useState(0);
      setDep = (next) => (next === dep ? setOther(other + 1) : set(next));
      useEffect(() => {
        log.push("parent");
      }, []);
      return h(Child, { dep });
    }
    render(h(Parent, null), root);
    expect(log).toEqual(["child 1 in DOM: true", "parent"]);
    setDep(1); // a re-render with the same dependency: no effect
    await settle();
    expect(log).toHaveLength(2);
    setDep(2);
    await settle();
    expect(log.slice(2)).toEqual(["child cleanup 1", "child 2 in DOM: true"]);
    render(null, root);
    expect(log.slice(4)).toEqual(["child cleanup 2"]);
  });
});
