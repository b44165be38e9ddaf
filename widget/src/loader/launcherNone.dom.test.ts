/**
 * `data-launcher="none"` (floating, opened only by the page through BeianWidget.open()), with the
 * built scripts in happy-dom as a partner's page loads them: no launcher is drawn, neither the
 * loader's nor the form's, nothing but the loader is fetched until the page opens the dialog, and
 * closing it gives focus back to what opened it. (The site's phone bar in a real browser:
 * tests/e2e/prospect-phone.spec.ts.)
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type HTMLElement, Window } from "happy-dom";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildEmbed } from "../../scripts/build.ts";
import type { TControls } from "../panel/useDialog.ts";
import { DIRECT_CONFIG as CONFIG } from "../testing/configs.ts";

const SCRIPTS_URL = "https://beian.example.com/widget/v1/";
let scriptsDir = "";
const windows: Window[] = [];

beforeAll(async () => {
  scriptsDir = await mkdtemp(path.join(tmpdir(), "beian-loader-"));
  for (const [file, { code }] of Object.entries(await buildEmbed())) {
    await writeFile(path.join(scriptsDir, file), code);
  }
});

afterAll(async () => {
  await rm(scriptsDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const window of windows.splice(0)) await window.happyDOM.close();
});

async function settle(window: Window) {
  await window.happyDOM.waitUntilComplete();
  await new Promise((resolve) => setTimeout(resolve, 30));
}

/** A page with its own 在线咨询 button and the embed tag with `data` (floating by default). */
async function page(data: Record<string, string>) {
  const window = new Window({
    url: "https://beian.example.com/faq/",
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      timer: { maxTimeout: 5 },
      fetch: { virtualServers: [{ url: SCRIPTS_URL, directory: scriptsDir }] },
    },
  }) as Window & { BeianWidget?: TControls };
  windows.push(window);
  const { document } = window;
  const fetched: string[] = [];
  Object.assign(window, {
    fetch: async (url: string) => {
      fetched.push(url);
      return new Response(JSON.stringify(CONFIG), {
        headers: { "Content-Type": "application/json" },
      });
    },
  });
  const events: string[] = [];
  for (const type of ["beian:ready", "beian:error"]) {
    document.addEventListener(type, () => events.push(type));
  }
  document.body.innerHTML = '<main><a href="/contact/" id="consult">在线咨询</a></main>';
  const script = document.createElement("script");
  for (const [key, value] of Object.entries({ api: "https://cms.example", ...data })) {
    script.setAttribute(`data-${key}`, value);
  }
  script.src = `${SCRIPTS_URL}widget.js`;
  document.body.appendChild(script);
  await settle(window);
  const host = document.querySelector<HTMLElement>("[data-beian-widget]");
  // The shadow root is attached when something is drawn: the launcher, or the form once loaded.
  const root = () => host?.shadowRoot ?? null;
  const scripts = () =>
    [...document.querySelectorAll("script[src]")].map((tag) => tag.getAttribute("src"));
  return { window, document, host, root, fetched, events, scripts };
}

/** Whether an element of the widget shows (its computed display). */
const shows = (window: Window, element: HTMLElement | null | undefined) =>
  !!element && window.getComputedStyle(element).display !== "none";

describe('data-launcher="none"', () => {
  it("draws no launcher and fetches only the loader and the configuration until the page opens it", async () => {
    const { host, root, fetched, events, scripts, window } = await page({ launcher: "none" });
    expect(host?.getAttribute("data-beian-widget")).toBe("floating");
    expect(root()?.querySelector(".launcher") ?? null).toBeNull();
    // beian:ready all the same: the page waits for it before calling open()
    expect(events).toEqual(["beian:ready"]);
    expect(fetched).toEqual(["https://cms.example/api/public/widget-config?partner=direct"]);
    expect(scripts()).toEqual([`${SCRIPTS_URL}widget.js`]);
    expect(typeof window.BeianWidget?.open).toBe("function");
  });

  it("BeianWidget.open() loads the form and opens the dialog; the form draws no launcher either", async () => {
    const { root, scripts, window, events } = await page({ launcher: "none" });
    window.BeianWidget?.open({ form: "lead" });
    await settle(window);
    expect(scripts()).toContain(`${SCRIPTS_URL}form.js`);
    const dialog = root()?.querySelector<HTMLElement>("[role=dialog]");
    expect(dialog?.hidden).toBe(false);
    expect(root()?.activeElement?.getAttribute("name")).toBe("name");
    expect(root()?.querySelector(".launcher")).toBeNull();
    expect(shows(window, root()?.querySelector<HTMLElement>(".close"))).toBe(true);
    window.BeianWidget?.close();
    await settle(window);
    expect(dialog?.hidden).toBe(true);
    expect(root()?.querySelector(".launcher")).toBeNull();
    expect(root()?.adoptedStyleSheets ?? []).toEqual([]);
    expect(events).toEqual(["beian:ready"]);
  });

  it("closing the dialog gives focus back to the page's button that opened it", async () => {
    const { root, document, window } = await page({ launcher: "none" });
    const consult = document.getElementById("consult") as HTMLElement;
    consult.focus();
    window.BeianWidget?.open();
    await settle(window);
    expect(document.activeElement).not.toBe(consult);
    root()?.querySelector<HTMLElement>(".close")?.click();
    await settle(window);
    expect(root()?.querySelector<HTMLElement>("[role=dialog]")?.hidden).toBe(true);
    expect(document.activeElement).toBe(consult);
    // …and again after the form is there (open() no longer queued)
    consult.focus();
    window.BeianWidget?.open({ form: "order" });
    await settle(window);
    expect(document.activeElement).not.toBe(consult);
    window.BeianWidget?.close();
    await settle(window);
    expect(document.activeElement).toBe(consult);
  });

  it("without it, the floating widget draws its launcher (the default)", async () => {
    const { root, window } = await page({});
    expect(shows(window, root()?.querySelector<HTMLElement>(".launcher"))).toBe(true);
    expect(root()?.querySelector(".launcher")?.textContent).toBe("在线咨询");
  });
});
