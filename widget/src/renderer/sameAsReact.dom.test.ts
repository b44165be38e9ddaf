// @vitest-environment happy-dom
/**
 * The widget rendered by the embed's renderer is the widget React renders: the same source
 * (src/Widget.tsx), once with React and once bundled as the embed is (react → src/renderer/), taken
 * through the same visit side by side, and the two DOMs compared after each step: elements,
 * attributes, what the controls hold, the text, and where the focus is.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { act, createElement } from "react";
import { createRoot } from "react-dom/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reactToRenderer } from "../../scripts/build.ts";
import { ACME_CONFIG as CONFIG } from "../testing/configs.ts";
import { Widget } from "../Widget.tsx";
import type { TResolvedOptions } from "../widgetOptions.ts";

const OPTIONS: TResolvedOptions = {
  partner: "acme",
  mode: "floating",
  lang: "zh-CN",
  api: "https://cms.example",
};

type TSide = {
  container: HTMLElement;
  /** Does `action` and waits until the widget has rendered what it caused. */
  settle: (action: () => void) => Promise<void>;
};

let bundleDir: string;
let sides: { react: TSide; renderer: TSide };

/** src/Widget.tsx bundled as the embed build does it: React is the embed's renderer. */
async function widgetOnRenderer() {
  const widgetDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const result = await build({
    stdin: {
      contents: [
        `export { Widget } from "./Widget.tsx";`,
        `export { createElement } from "react";`,
        `export { createRoot } from "react-dom/client";`,
      ].join("\n"),
      resolveDir: widgetDir,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    jsx: "automatic",
    plugins: [reactToRenderer],
    write: false,
    logLevel: "warning",
  });
  // Beside node_modules, where vitest imports from (as react.dom.test.ts does).
  bundleDir = path.join(widgetDir, "node_modules", ".renderer-test");
  await mkdir(bundleDir, { recursive: true });
  const file = path.join(bundleDir, "widget.mjs");
  await writeFile(file, result.outputFiles?.[0]?.text ?? "");
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
    Widget: typeof Widget;
    createElement: (type: typeof Widget, props: object) => unknown;
    createRoot: (container: Element) => { render: (children: unknown) => void };
  };
}

const mount = () => document.body.appendChild(document.createElement("div"));

beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const embed = await widgetOnRenderer();
  const onRenderer = mount();
  embed
    .createRoot(onRenderer)
    .render(embed.createElement(embed.Widget, { config: CONFIG, options: OPTIONS }));
  sides = {
    react: {
      container: mount(),
      settle: (action) => act(async () => action()),
    },
    renderer: {
      container: onRenderer,
      settle: async (action) => {
        action();
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    },
  };
  const reactRoot = createRoot(sides.react.container);
  await act(async () =>
    reactRoot.render(createElement(Widget, { config: CONFIG, options: OPTIONS })),
  );
});

afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

/** An element's rendering: tag, sorted attributes, what a control holds, children, text merged. */
function serialize(node: Node): unknown {
  if (node.nodeType === 3) return (node as Text).data;
  const element = node as HTMLElement & { value?: string; checked?: boolean; type?: string };
  const control = /^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName);
  const attributes = [...element.attributes]
    // React also writes a text control's value as its attribute (its default value); what it holds
    // is compared below, as `value`.
    .filter((attribute) => !(control && attribute.name === "value" && element.type !== "checkbox"))
    .map((attribute) => `${attribute.name}=${attribute.value}`)
    .sort();
  const children: unknown[] = [];
  for (const child of element.childNodes) {
    const rendered = serialize(child);
    const last = children.length - 1;
    if (typeof rendered === "string" && typeof children[last] === "string") {
      children[last] += rendered;
    } else if (rendered !== "") children.push(rendered);
  }
  return [
    element.tagName.toLowerCase(),
    attributes,
    ...(control ? [{ value: element.value, checked: element.checked }] : []),
    children,
  ];
}

/** The id (or name) of the element of `container` with the focus. */
function focusIn(container: HTMLElement) {
  const focused = document.activeElement;
  return focused && container.contains(focused) ? focused.id || focused.getAttribute("name") : null;
}

type TStep = [label: string, selector: string, act: (element: HTMLElement) => void];

/**
 * Takes one side's widget through `steps` (`act` on its element of `selector`), and what it
 * shows after each. The sides take turns, not steps: a document has one focus, and a person
 * visits one widget.
 */
async function visit({ container, settle }: TSide, steps: TStep[]) {
  (document.activeElement as HTMLElement | null)?.blur();
  const shown: unknown[] = [serialize(container)];
  for (const [label, selector, act] of steps) {
    const element = container.querySelector<HTMLElement>(selector);
    expect(element, `${label}: ${selector}`).not.toBeNull();
    await settle(() => act(element as HTMLElement));
    shown.push({ after: label, dom: serialize(container), focus: focusIn(container) });
  }
  return shown;
}

/** What a person's typing or choosing does: the value (through the prototype's setter, which
 * React watches), then the events. */
const enter = (value: string) => (element: HTMLElement) => {
  const prototype = Object.getPrototypeOf(element);
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(element, value);
  element.dispatchEvent(new Event("input", { bubbles: true }));
  element.dispatchEvent(new Event("change", { bubbles: true }));
};

const VISIT: TStep[] = [
  ["open", ".launcher", (launcher) => launcher.click()],
  ["type a name", "#bw-lead-name", enter("张三")],
  ["go to the phone", "#bw-lead-phone", (phone) => phone.focus()],
  ["type half a phone", "#bw-lead-phone", enter("1380013")],
  ["leave the phone", "#bw-lead-phone", (phone) => phone.blur()],
  ["send", "#bw-panel-lead .submit", (submit) => submit.click()],
  ["consent", "#bw-lead-consent-privacy", (consent) => consent.click()],
  ["the order tab", "#bw-tab-order", (tab) => tab.click()],
  ["choose a type", "#bw-order-filingType", enter("enterprise")],
  ["choose a province", "#bw-order-entity-province", enter("44")],
  [
    "Home on the tabs",
    "[role=tablist]",
    (tabs) => tabs.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true })),
  ],
  ["close", ".close", (close) => close.click()],
];

describe("the widget on the embed's renderer", () => {
  it("shows what React shows, step by step through a visit: open, type, leave, send, switch, choose, close", async () => {
    const react = await visit(sides.react, VISIT);
    const renderer = await visit(sides.renderer, VISIT);
    // Step by step, so that a difference names the first step that shows it.
    for (const [step, shown] of renderer.entries()) expect(shown).toEqual(react[step]);
  });
});
