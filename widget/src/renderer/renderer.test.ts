/**
 * The embed's renderer (tree.ts, props.ts, hooks.ts) does what the widget relies on React for,
 * rendered into a happy-dom document: nodes kept across renders (and with them focus and typed
 * text), keyed children moved rather than remade, props, events, refs, SVG, effects and state.
 */
import { Window } from "happy-dom";
import { beforeEach, describe, expect, it } from "vitest";
import { createElement as h, type TProps } from "./element.ts";
import { useEffect, useRef, useState } from "./hooks.ts";
import { createRoot } from "./tree.ts";

let document: Document;
let container: HTMLElement;
let root: ReturnType<typeof createRoot>;

beforeEach(() => {
  document = new Window().document as unknown as Document;
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = <T extends Element = HTMLElement>(selector: string) =>
  container.querySelector(selector) as T;

/** What the components below report to the test, and their setters for it to call. */
const probe = {
  set: (_next: unknown) => {},
  log: [] as string[],
  renders: { parent: 0, child: 0 },
  setters: new Set<unknown>(),
  refs: new Set<unknown>(),
  setCount: (_next: number | ((previous: number) => number)) => {},
  setDep: (_next: number) => {},
};

beforeEach(() => {
  probe.log = [];
  probe.renders = { parent: 0, child: 0 };
  probe.setters.clear();
  probe.refs.clear();
});

/** Renders `view` of its state, which the test sets through `probe.set`. */
function Controlled({ initial, view }: TProps) {
  const [value, set] = useState(initial);
  probe.set = set as (next: unknown) => void;
  return (view as (value: unknown) => unknown)(value);
}

function controlled<T>(initial: T, view: (value: T) => unknown) {
  return { element: h(Controlled, { initial, view }), set: (next: T) => probe.set(next) };
}

function Counter() {
  const [count, setCount] = useState(() => 1);
  probe.renders.parent++;
  probe.setters.add(setCount);
  probe.setCount = setCount;
  return h("p", null, count);
}

function EffectChild({ dep }: TProps) {
  useEffect(() => {
    probe.log.push(`child ${dep} in DOM: ${container.querySelector("b")?.isConnected}`);
    return () => probe.log.push(`child cleanup ${dep}`);
  }, [dep]);
  return h("b", null, dep);
}

function EffectParent() {
  const [dep, set] = useState(1);
  const [renders, setRenders] = useState(0);
  probe.setDep = (next) => (next === dep ? setRenders(renders + 1) : set(next));
  useEffect(() => {
    probe.log.push("parent");
  }, []);
  return h(EffectChild, { dep });
}

/** Logs its effect; `fail`: the effect throws. */
function EffectProbe({ name, dep, fail }: TProps) {
  useEffect(() => {
    probe.log.push(`${name} ${dep}${fail ? " throws" : ""}`);
    if (fail) throw new Error("effect failed");
  }, [dep]);
  return null;
}

function Child() {
  probe.renders.child++;
  return h("i", null);
}

function Parent() {
  probe.refs.add(useRef(0));
  const [n, set] = useState(0);
  probe.setCount = set;
  probe.renders.parent++;
  return h("p", null, n, h(Child, null));
}

describe("the renderer's tree", () => {
  it("keeps a control's node, focus and typed text when siblings appear and go before it", async () => {
    const view = controlled(false, (error) =>
      h("form", null, error && h("p", { className: "err" }, "必填"), h("input", { name: "phone" })),
    );
    root.render(view.element);
    const input = $<HTMLInputElement>("input");
    input.focus();
    input.value = "138";
    view.set(true);
    await settle();
    expect(container.innerHTML).toBe('<form><p class="err">必填</p><input name="phone"></form>');
    expect($("input")).toBe(input);
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe("138");
    view.set(false);
    await settle();
    expect(container.innerHTML).toBe('<form><input name="phone"></form>');
    expect($("input")).toBe(input);
  });

  it("moves keyed children with their nodes, and makes new ones only for new keys", async () => {
    const list = (keys: string[]) =>
      h(
        "ul",
        null,
        keys.map((key) => h("li", { key }, key)),
      );
    const view = controlled(["a", "b", "c"], list);
    root.render(view.element);
    const [a, b, c] = [...container.querySelectorAll("li")];
    view.set(["c", "a", "d", "b"]);
    await settle();
    const items = [...container.querySelectorAll("li")];
    expect(items.map((li) => li.textContent)).toEqual(["c", "a", "d", "b"]);
    expect([items[0], items[1], items[3]]).toEqual([c, a, b]);
    view.set(["b"]);
    await settle();
    expect(container.innerHTML).toBe("<ul><li>b</li></ul>");
    expect($("li")).toBe(b);
  });

  it("renders a key given twice as many times as it is given, render after render", async () => {
    const view = controlled(0, (n) =>
      h(
        "ul",
        null,
        ["营业执照", "营业执照", "身份证"].map((item) => h("li", { key: item }, item, n)),
      ),
    );
    root.render(view.element);
    view.set(1);
    await settle();
    view.set(2);
    await settle();
    expect(container.innerHTML).toBe(
      "<ul><li>营业执照2</li><li>营业执照2</li><li>身份证2</li></ul>",
    );
  });

  it("makes a new element and state for a new key, also for a single child (React's reset)", async () => {
    const view = controlled("a", (key) => h("div", null, h(Counter, { key })));
    root.render(view.element);
    probe.setCount(5);
    await settle();
    expect(container.textContent).toBe("5");
    const before = $("p");
    view.set("b");
    await settle();
    expect(container.textContent).toBe("1");
    expect($("p")).not.toBe(before);
  });

  it("replaces a node whose tag changes, and renders fragments, nested arrays, numbers and text", async () => {
    const view = controlled(1, (n) =>
      h(
        "div",
        null,
        n === 1 ? h("b", null, "one") : h("i", null, "two"),
        [[n, " 件"], null, false],
        h(() => [h("span", { key: "x" }, "x"), "y"], null),
      ),
    );
    root.render(view.element);
    expect(container.innerHTML).toBe("<div><b>one</b>1 件<span>x</span>y</div>");
    view.set(2);
    await settle();
    expect(container.innerHTML).toBe("<div><i>two</i>2 件<span>x</span>y</div>");
  });

  it("puts what a component renders on its own between its parent's other children", async () => {
    const view = controlled(false, (shown) => shown && [h("i", { key: "i" }), "text"]);
    root.render(h("div", null, h("b", null), view.element, h("u", null)));
    const [b, u] = [$("b"), $("u")];
    view.set(true);
    await settle();
    expect(container.innerHTML).toBe("<div><b></b><i></i>text<u></u></div>");
    expect([$("b"), $("u")]).toEqual([b, u]);
    view.set(false);
    await settle();
    expect(container.innerHTML).toBe("<div><b></b><u></u></div>");
  });

  it("renders what looks like an element but is a plain object (from JSON, say) as text only", () => {
    root.render(h("p", null, { type: "script", props: { children: "alert(1)" } }));
    expect(container.querySelector("script")).toBeNull();
    expect(container.textContent).toBe("[object Object]");
  });

  it("puts SVG in its namespace with its attributes as written", () => {
    root.render(
      h("svg", { viewBox: "0 0 24 24", "aria-hidden": "true" }, h("path", { "stroke-width": "2" })),
    );
    const path = $("path");
    expect(path.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect($("svg").getAttribute("viewBox")).toBe("0 0 24 24");
    expect(path.getAttribute("stroke-width")).toBe("2");
  });

  it("renders null and empty roots, and a root rendered again updates in place", () => {
    root.render(h("p", { id: "a" }, "1"));
    const p = $("p");
    root.render(h("p", { id: "b" }, "2"));
    expect($("p")).toBe(p);
    expect(container.innerHTML).toBe('<p id="b">2</p>');
    root.render(null);
    expect(container.innerHTML).toBe("");
  });
});

describe("props", () => {
  it("sets DOM properties, attributes, aria values and styles, and takes away what is gone", async () => {
    const view = controlled(true, (on) =>
      h("button", {
        className: on ? "tab on" : "tab",
        hidden: !on,
        tabIndex: on ? 0 : -1,
        "aria-selected": on,
        "data-kind": on ? "lead" : undefined,
        title: on ? "咨询" : false,
        style: on ? { "--bw-primary": "#1f5fbf" } : {},
      }),
    );
    root.render(view.element);
    const button = $<HTMLButtonElement>("button");
    expect(button.className).toBe("tab on");
    expect(button.hidden).toBe(false);
    expect(button.getAttribute("aria-selected")).toBe("true");
    expect(button.getAttribute("data-kind")).toBe("lead");
    expect(button.title).toBe("咨询");
    expect(button.style.getPropertyValue("--bw-primary")).toBe("#1f5fbf");
    view.set(false);
    await settle();
    expect(button.className).toBe("tab");
    expect(button.hidden).toBe(true);
    expect(button.tabIndex).toBe(-1);
    expect(button.getAttribute("aria-selected")).toBe("false");
    expect(button.hasAttribute("data-kind")).toBe(false);
    expect(button.title).toBe("");
    expect(button.style.getPropertyValue("--bw-primary")).toBe("");
  });

  it("calls the handler of the last render, through one listener, and none once it is removed", async () => {
    const calls: string[] = [];
    const view = controlled<string | null>("a", (name) =>
      h("button", { onClick: name ? () => calls.push(name) : undefined }),
    );
    root.render(view.element);
    $("button").click();
    view.set("b");
    await settle();
    $("button").click();
    view.set(null);
    await settle();
    $("button").click();
    expect(calls).toEqual(["a", "b"]);
  });

  it("sets a select's value after its options, and puts a control back to its state's value", async () => {
    const view = controlled("gd", (province) =>
      h(
        "div",
        null,
        h(
          "select",
          { value: province },
          ["bj", "gd"].map((code) => h("option", { key: code, value: code }, code)),
        ),
        h("input", { value: province }),
        h("input", { type: "checkbox", checked: province === "gd" }),
      ),
    );
    root.render(view.element);
    const select = $<HTMLSelectElement>("select");
    const input = $<HTMLInputElement>("input");
    expect(select.value).toBe("gd");
    expect($<HTMLInputElement>("[type=checkbox]").checked).toBe(true);
    input.value = "typed";
    view.set("bj");
    await settle();
    expect(select.value).toBe("bj");
    expect(input.value).toBe("bj");
    expect($<HTMLInputElement>("[type=checkbox]").checked).toBe(false);
  });

  it("leaves a control alone whose value or checked is undefined (not controlled, as in React)", async () => {
    const view = controlled(0, (n) =>
      h("div", { "data-n": n }, h("input", { value: undefined }), h("input", { type: "checkbox" })),
    );
    root.render(view.element);
    const [text, box] = [...container.querySelectorAll("input")] as [
      HTMLInputElement,
      HTMLInputElement,
    ];
    text.value = "typed";
    box.checked = true;
    view.set(1);
    await settle();
    expect(text.value).toBe("typed");
    expect(box.checked).toBe(true);
  });

  it("gives refs their element once it is in the document, and null when it goes", async () => {
    const seen: (boolean | null)[] = [];
    const callback = (element: Element | null) => seen.push(element ? element.isConnected : null);
    const object = { current: null as Element | null };
    const view = controlled(true, (shown) =>
      shown ? h("p", null, h("b", { ref: callback }), h("i", { ref: object })) : null,
    );
    root.render(view.element);
    expect(seen).toEqual([true]);
    expect(object.current).toBe($("i"));
    view.set(false);
    await settle();
    expect(seen).toEqual([true, null]);
    expect(object.current).toBeNull();
  });
});

describe("hooks", () => {
  it("useState: a stable setter, updaters applied in turn, no render for an unchanged value", async () => {
    root.render(h(Counter, null));
    expect(container.textContent).toBe("1");
    probe.setCount((n) => n + 1);
    probe.setCount((n) => n * 10);
    await settle();
    expect(container.textContent).toBe("20");
    const rendered = probe.renders.parent;
    probe.setCount(20);
    await settle();
    expect(probe.renders.parent).toBe(rendered);
    expect(probe.setters.size).toBe(1);
  });

  it("useEffect: after the commit, children first; again on a changed dependency after the cleanup; cleaned up on unmount", async () => {
    root.render(h(EffectParent, null));
    expect(probe.log).toEqual(["child 1 in DOM: true", "parent"]);
    probe.setDep(1); // a re-render with the same dependency: no effect
    await settle();
    expect(probe.log).toHaveLength(2);
    probe.setDep(2);
    await settle();
    expect(probe.log.slice(2)).toEqual(["child cleanup 1", "child 2 in DOM: true"]);
    root.render(null);
    expect(probe.log.slice(4)).toEqual(["child cleanup 2"]);
  });

  it("runs the other effects once when one throws, and each again only when it must", () => {
    const render = (n: number) =>
      root.render(
        h(
          "div",
          null,
          h(EffectProbe, { name: "a", dep: n, fail: n === 1 }),
          h(EffectProbe, { name: "b", dep: n }),
        ),
      );
    render(0);
    expect(probe.log).toEqual(["a 0", "b 0"]);
    expect(() => render(1)).toThrow("effect failed");
    expect(probe.log.slice(2)).toEqual(["a 1 throws"]);
    render(2);
    expect(probe.log.slice(3)).toEqual(["a 2", "b 2"]);
  });

  it("useRef keeps its object; a state change renders the component once, with its children", async () => {
    root.render(h(Parent, null));
    probe.setCount((previous) => previous + 1);
    probe.setCount((previous) => previous + 1);
    await settle();
    expect(container.innerHTML).toBe("<p>2<i></i></p>");
    expect(probe.renders).toEqual({ parent: 2, child: 2 });
    expect(probe.refs.size).toBe(1);
  });

  it("ignores a state change of a component that has gone", async () => {
    root.render(h(Counter, null));
    root.render(null);
    probe.setCount(1);
    await settle();
    expect(container.innerHTML).toBe("");
  });
});
