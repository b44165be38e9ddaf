// @vitest-environment happy-dom
/**
 * dist/react.js with real React (not the embed's own renderer): built in memory, written next to node_modules so
 * that "react" resolves to the real thing, rendered into a page.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { act, createElement, type FunctionComponent } from "react";
import { createRoot } from "react-dom/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildReact } from "../scripts/build.ts";

const CONFIG = {
  partner: { key: "direct", name: "小程序备案中心", theme: { primaryColor: "#1f5fbf" } },
  filingTypes: [{ slug: "personal", name: "个人", audience: "个人开发者", features: [] }],
  contact: { phone: "400-998-6176" },
  consent: {
    privacyText: "我已阅读并同意隐私政策",
    privacyUrl: "https://beian.example.com/privacy/",
  },
};

type TModule = { BeianWidget: FunctionComponent<Record<string, string>> };
let widget: TModule;
const calls: { url: string; init?: RequestInit }[] = [];

beforeAll(async () => {
  const dir = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    "..",
    "node_modules",
    ".react-test",
  );
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "react.js");
  await writeFile(file, await buildReact());
  widget = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as TModule;
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    if (url.includes("widget-config")) return Response.json(CONFIG);
    return Response.json({ id: 1, reference: "L-REACT1" }, { status: 201 });
  });
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe("BeianWidget for React apps", () => {
  it("renders the inline widget in a shadow root with the same props as the data attributes", async () => {
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    const ready = new Promise((resolve) =>
      document.addEventListener("beian:ready", resolve, { once: true }),
    );
    await act(async () => {
      root.render(
        createElement(widget.BeianWidget, {
          mode: "inline",
          lang: "en",
          type: "personal",
          api: "https://cms.example/",
        }),
      );
    });
    await act(() => ready);
    expect(calls[0]?.url).toBe("https://cms.example/api/public/widget-config?partner=direct");
    const host = container.querySelector("[data-beian-widget]");
    expect(host?.getAttribute("data-beian-widget")).toBe("inline");
    const shadow = host?.shadowRoot;
    expect(shadow?.querySelector("style")?.textContent).toContain(".bw");
    expect(shadow?.querySelector("#bw-tab-lead")?.textContent).toBe("Free consultation");
    expect(shadow?.querySelector("#bw-panel-lead form")?.getAttribute("aria-label")).toBe(
      "Free consultation form",
    );
    expect(
      (shadow?.querySelector("#bw-panel-lead [name=filingType]") as HTMLSelectElement | null)
        ?.value,
    ).toBe("personal");
    expect(shadow?.querySelector("#bw-panel-lead [name='consent.sharing']")).toBeNull();

    // Typing works through React's onChange, the way a person's input does.
    const name = shadow?.querySelector("#bw-panel-lead [name=name]") as HTMLInputElement;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      setter?.call(name, "Zhang San");
      name.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(name.value).toBe("Zhang San");
    await act(async () => root.unmount());
  });

  it.each([
    [{}, 1],
    [{ launcher: "none" }, 0],
  ])("floating with %o draws %i launcher(s)", async (props, launchers) => {
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    const ready = new Promise((resolve) =>
      document.addEventListener("beian:ready", resolve, { once: true }),
    );
    await act(async () => {
      root.render(createElement(widget.BeianWidget, { api: "https://cms.example", ...props }));
    });
    await act(() => ready);
    const shadow = container.querySelector("[data-beian-widget]")?.shadowRoot;
    expect(shadow?.querySelector("[role=dialog]")).not.toBeNull();
    expect(shadow?.querySelectorAll(".launcher")).toHaveLength(launchers);
    await act(async () => root.unmount());
  });
});
