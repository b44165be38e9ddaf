/**
 * The embed scripts' budgets and hygiene: built for real, gzip within budget, the API base
 * placeholder kept for the site's release step, and no global but window.BeianWidget.
 */
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildEmbed, sizes, type TBuiltScript, type TEmbedScript } from "../scripts/build.ts";

/** What every page view of a partner's site downloads: the loader (dist/v1/widget.js). */
const LOADER_BUDGET_GZIP = 3 * 1024;
/**
 * The form script (dist/v1/form.js, Chinese), loaded when the visitor reaches for the widget: the
 * issue's 12 KiB. It was 20.9 KiB with zod, 16,214 B with Preact and preact/hooks, 15,003 B with
 * Preact's core and the widget's own hooks, and is 11.5 KiB with the embed's own renderer
 * (src/renderer/, ~1.9 KiB in place of ~5.1): the rest is the interface, the texts, the
 * contract's rules and messages (~1.9 KiB), the stylesheet (~1.2 KiB) and the sending/retry logic.
 */
const FORM_BUDGET_GZIP = 12 * 1024;
/** The English texts and field messages (dist/v1/form-en.js), for `data-lang="en"` only. */
const ENGLISH_BUDGET_GZIP = 1.5 * 1024;

let built: Record<TEmbedScript, TBuiltScript>;
const code = (file: TEmbedScript) => built[file].code;

beforeAll(async () => {
  built = await buildEmbed();
});

describe.each([
  ["widget.js", LOADER_BUDGET_GZIP],
  ["form.js", FORM_BUDGET_GZIP],
  ["form-en.js", ENGLISH_BUDGET_GZIP],
] as const)("dist/v1/%s", (file, budget) => {
  it(`is at most ${budget} bytes gzipped`, () => {
    const size = sizes(code(file));
    console.log(
      `${file}: ${size.raw} B raw, ${size.gzip} B gzip (budget ${budget} B), ${size.brotli} B brotli`,
    );
    expect(size.gzip).toBeLessThanOrEqual(budget);
  });

  it("is one classic script: no import/export, no source map reference", () => {
    expect(code(file)).not.toMatch(/^\s*(import|export)\s/m);
    expect(code(file)).not.toContain("sourceMappingURL");
  });
});

describe("the split", () => {
  it("keeps the API base placeholder verbatim, once, in the loader (the form gets it from there)", () => {
    expect(code("widget.js").split("__BEIAN_API_BASE__")).toHaveLength(2);
    expect(code("form.js")).not.toContain("__BEIAN_API_BASE__");
  });

  it("leaves the renderer, zod and the English texts out of the loader, and English out of the form", () => {
    const loaderInputs = Object.keys(
      Object.values(built["widget.js"].metafile.outputs)[0]?.inputs ?? {},
    );
    expect(loaderInputs.filter((input) => /renderer|zod|i18n/.test(input))).toEqual([]);
    // esbuild writes non-ASCII as \\u escapes (safe on pages in any charset): 在线咨询
    expect(code("form.js").toLowerCase()).toContain("\\u5728\\u7ebf\\u54a8\\u8be2");
    expect(code("form.js")).not.toContain("Free consultation");
    expect(code("form-en.js")).toContain("Free consultation");
  });

  it("keeps zod and the English field messages out of the form (the compact validator checks)", () => {
    const formInputs = Object.keys(
      Object.values(built["form.js"].metafile.outputs)[0]?.inputs ?? {},
    );
    expect(formInputs.filter((input) => /[\\/]zod[\\/]|messages[\\/]en/.test(input))).toEqual([]);
    expect(code("form-en.js")).toContain("Enter a valid mainland China mobile number");
  });
});

describe("globals", () => {
  it("defines no global but BeianWidget", async () => {
    const events: { type: string; detail: unknown }[] = [];
    const storage = new Map<string, string>();
    const sandbox: Record<string, unknown> = {
      console,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      URL,
      URLSearchParams,
      AbortSignal,
      crypto,
      navigator: { userAgent: "vm" },
      location: { href: "https://cloud.example.com/?utm_source=x", search: "?utm_source=x" },
      localStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => storage.set(key, value),
        removeItem: (key: string) => storage.delete(key),
      },
      CustomEvent: class {
        constructor(
          readonly type: string,
          init?: { detail?: unknown },
        ) {
          this.detail = init?.detail;
        }
        detail: unknown;
      },
      document: {
        currentScript: { dataset: { partner: "acme", api: "https://cms.example" } },
        readyState: "complete",
        referrer: "",
        querySelector: () => null,
        addEventListener: () => undefined,
        dispatchEvent: (event: { type: string; detail: unknown }) => {
          events.push({ type: event.type, detail: event.detail });
          return true;
        },
      },
      fetch: async () =>
        new Response(JSON.stringify({ error: { code: "unknown_partner", message: "x" } }), {
          status: 404,
        }),
    };
    sandbox.window = sandbox;
    const context = vm.createContext(sandbox);
    const globals = () =>
      new Set(vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[]);
    const before = globals();
    vm.runInContext(code("widget.js"), context, { filename: "widget.js" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const added = [...globals()].filter((name) => !before.has(name));
    expect(added).toEqual(["BeianWidget"]);
    expect(typeof (sandbox.BeianWidget as { open?: unknown }).open).toBe("function");
    expect(typeof (sandbox.BeianWidget as { close?: unknown }).close).toBe("function");
    // An unknown partner: nothing is rendered and beian:error says why.
    expect(events).toEqual([
      { type: "beian:error", detail: { code: "unknown_partner", message: "x" } },
    ]);
  });

  it.each(["form.js", "form-en.js"] as const)(
    "%s defines no global at all: it hands over on its own script element",
    (file) => {
      const handed: unknown[] = [];
      const sandbox: Record<string, unknown> = {
        console,
        setTimeout,
        CustomEvent: class {
          constructor(
            readonly type: string,
            readonly init?: { detail?: unknown },
          ) {}
        },
        document: {
          currentScript: {
            dispatchEvent: (event: { init?: { detail?: unknown } }) =>
              handed.push(event.init?.detail),
          },
        },
      };
      sandbox.window = sandbox;
      const context = vm.createContext(sandbox);
      const globals = () =>
        new Set(vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[]);
      const before = globals();
      vm.runInContext(code(file), context, { filename: file });
      expect([...globals()].filter((name) => !before.has(name))).toEqual([]);
      expect(handed).toHaveLength(1);
      expect(typeof handed[0]).toBe(file === "form.js" ? "function" : "object");
    },
  );
});
