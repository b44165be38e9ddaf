/**
 * The built embed scripts in a DOM (happy-dom), served from SCRIPTS_URL as a partner's page loads
 * them (the loader, then the form when reached for): mounting, the dialog's keyboard behaviour, consent,
 * validation, the payload and headers sent, success, server errors, retries and the resend on the
 * next page load. (Real browsers are covered by the end-to-end tests in tests/.)
 */

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type Element,
  type HTMLElement,
  type HTMLInputElement,
  type HTMLSelectElement,
  type ShadowRoot,
  Window,
} from "happy-dom";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildEmbed } from "../scripts/build.ts";
import type { TControls } from "./panel/useDialog.ts";
import { PENDING_KEY } from "./submission/pending.ts";
import { ACME_CONFIG as CONFIG } from "./testing/configs.ts";

type TCall = { url: string; method: string; headers: Record<string, string>; body?: unknown };
type TAnswer = (call: TCall) => Response | Promise<Response>;
type TPageOptions = {
  data?: Record<string, string>;
  url?: string;
  body?: string;
  config?: Response;
  answer?: TAnswer;
  /** What the tab's sessionStorage holds when the page loads (e.g. an earlier page's kept submission). */
  sessionStorage?: Record<string, string>;
  /** What the origin's localStorage holds when the page loads (what an earlier version kept there). */
  localStorage?: Record<string, string>;
  /** Receives what the widget writes with console.error. */
  console?: (text: string) => void;
  /** false: the visitor does not reach for the launcher (the page view costs the loader alone). */
  reach?: boolean;
};
/** The page's window, with the global the embed defines. */
type TPageWindow = Window & { BeianWidget?: TControls };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** Where the page loads the widget from (a virtual server on the built scripts). */
const SCRIPTS_URL = "https://beian.example.com/widget/v1/";
let scriptsDir = "";
const windows: Window[] = [];

beforeAll(async () => {
  scriptsDir = await mkdtemp(path.join(tmpdir(), "beian-widget-"));
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

/** A page with the embed tag; `answer` plays the CMS for every request after the config. */
async function page(options: TPageOptions = {}) {
  const window: TPageWindow = new Window({
    url: options.url ?? "https://cloud.example.com/beian?utm_source=news&utm_campaign=spring",
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      timer: { maxTimeout: 5 },
      fetch: { virtualServers: [{ url: SCRIPTS_URL, directory: scriptsDir }] },
    },
  });
  windows.push(window);
  const document = window.document;
  for (const [key, value] of Object.entries(options.sessionStorage ?? {})) {
    window.sessionStorage.setItem(key, value);
  }
  for (const [key, value] of Object.entries(options.localStorage ?? {})) {
    window.localStorage.setItem(key, value);
  }
  const calls = playTheCms(window, options);
  const report = options.console;
  if (report) window.console.error = (...parts: unknown[]) => report(parts.join(" "));
  const events = recordEvents(window);
  document.body.innerHTML = options.body ?? "<main><h1>Cloud</h1></main>";
  const script = document.createElement("script");
  for (const [key, value] of Object.entries({
    partner: "acme",
    api: "https://cms.example",
    ...options.data,
  })) {
    script.setAttribute(`data-${key}`, value);
  }
  script.src = `${SCRIPTS_URL}widget.js`;
  document.body.appendChild(script);
  await settle(window);
  // Floating: the form is loaded when the visitor reaches for the launcher; tests act after that.
  if (options.reach !== false) {
    host(document)
      ?.shadowRoot?.querySelector(".launcher")
      ?.dispatchEvent(new window.PointerEvent("pointerover"));
    await settle(window);
  }
  const placed = host(document);
  const root = placed?.shadowRoot ?? null;
  return { window, document, host: placed, root, calls, events, ...actionsIn(window, root) };
}

const host = (document: Window["document"]) => document.querySelector("[data-beian-widget]");

/** The page's fetch: the partner's configuration, then `answer` for everything else. */
function playTheCms(window: Window, options: TPageOptions): TCall[] {
  const calls: TCall[] = [];
  Object.assign(window, {
    fetch: async (url: string, init: RequestInit = {}) => {
      const call: TCall = {
        url,
        method: init.method ?? "GET",
        headers: { ...(init.headers as Record<string, string>) },
        ...(init.body ? { body: JSON.parse(String(init.body)) } : {}),
      };
      calls.push(call);
      if (url.includes("/widget-config")) return options.config ?? json(200, CONFIG);
      if (!options.answer) throw new Error(`unexpected request ${url}`);
      return options.answer(call);
    },
  });
  return calls;
}

/** The widget's events on the page's document, in order. */
function recordEvents(window: Window): { type: string; detail: unknown }[] {
  const events: { type: string; detail: unknown }[] = [];
  for (const type of ["beian:ready", "beian:submitted", "beian:error"]) {
    window.document.addEventListener(type, (event) => {
      events.push({ type, detail: event instanceof window.CustomEvent ? event.detail : undefined });
    });
  }
  return events;
}

/** What a person does in the widget's shadow root: find, type, click, press keys. */
function actionsIn(window: Window, root: ShadowRoot | null) {
  const $ = <T extends Element = HTMLElement>(selector: string) =>
    root?.querySelector<T>(selector) ?? null;
  const type = async (selector: string, value: string) => {
    const control = $<HTMLInputElement>(selector);
    if (!control) throw new Error(`no ${selector}`);
    control.value = value;
    control.dispatchEvent(new window.Event("input", { bubbles: true }));
    control.dispatchEvent(new window.Event("change", { bubbles: true }));
    control.dispatchEvent(new window.FocusEvent("blur"));
    await settle(window);
  };
  const click = async (selector: string) => {
    const element = $(selector);
    if (!element) throw new Error(`no ${selector}`);
    element.click();
    await settle(window);
  };
  const key = async (keyName: string, shiftKey = false) => {
    const init = { key: keyName, shiftKey, bubbles: true, composed: true, cancelable: true };
    (root?.activeElement ?? root)?.dispatchEvent(new window.KeyboardEvent("keydown", init));
    await settle(window);
  };
  const active = () => {
    const element = root?.activeElement;
    return element instanceof window.HTMLElement ? element : null;
  };
  /** The option chosen in a select. */
  const selected = (selector: string) => $<HTMLSelectElement>(selector)?.value;
  /** Fills in the open lead form (name, phone, privacy consent) and sends it. */
  const sendLead = async () => {
    await type("#bw-panel-lead [name=name]", "张三");
    await type("#bw-panel-lead [name=phone]", "13800138000");
    await click("#bw-panel-lead [name='consent.privacy']");
    await click("#bw-panel-lead .submit");
  };
  return { $, type, click, key, active, selected, sendLead };
}

async function settle(window: Window, ms = 30) {
  await window.happyDOM.waitUntilComplete();
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe("the embed script", () => {
  it("mounts a launcher in a shadow root on a host marked data-beian-widget", async () => {
    const { host, root, $, events, calls, window } = await page();
    expect(host?.getAttribute("data-beian-widget")).toBe("floating");
    expect(host?.getAttribute("style")).toContain("position: fixed !important");
    expect(root).not.toBeNull();
    expect($(".launcher")?.textContent).toBe("在线咨询");
    expect($("[role=dialog]")?.hidden).toBe(true);
    expect(calls[0]?.url).toBe("https://cms.example/api/public/widget-config?partner=acme");
    expect(events).toEqual([
      { type: "beian:ready", detail: { partner: "acme", mode: "floating" } },
    ]);
    expect(typeof window.BeianWidget?.open).toBe("function");
    expect($(".bw")?.getAttribute("style")).toContain("--bw-primary: #0a7d5a");
  });

  it("renders nothing for an unknown partner and says why", async () => {
    const { host, events } = await page({
      config: json(404, { error: { code: "unknown_partner", message: "合作伙伴不存在或已停用" } }),
    });
    expect(host).toBeNull();
    expect(events).toEqual([
      {
        type: "beian:error",
        detail: { code: "unknown_partner", message: "合作伙伴不存在或已停用" },
      },
    ]);
  });

  it("opens a labelled modal dialog, focuses the first field, traps Tab, closes on Escape", async () => {
    const { $, click, key, active } = await page();
    await click(".launcher");
    const dialog = $("[role=dialog]");
    expect(dialog?.hidden).toBe(false);
    expect(dialog?.getAttribute("aria-modal")).toBe("true");
    expect($(`#${dialog?.getAttribute("aria-labelledby")}`)?.textContent).toBe("小程序备案");
    expect($(".launcher")?.getAttribute("aria-expanded")).toBe("true");
    expect(active()?.getAttribute("name")).toBe("name");

    $(".close")?.focus();
    await key("Tab", true);
    expect(active()?.className).toBe("submit");
    await key("Tab");
    expect(active()?.className).toBe("close");

    await key("Escape");
    expect(dialog?.hidden).toBe(true);
    expect(active()?.className).toBe("launcher");
  });

  it("closes on Escape and keeps Tab in the dialog even when focus was left on the page", async () => {
    const { $, click, active, document, window } = await page();
    await click(".launcher");
    expect(active()?.getAttribute("name")).toBe("name");
    active()?.blur();
    const press = async (key: string) => {
      document.body.dispatchEvent(
        new window.KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }),
      );
      await settle(window);
    };
    await press("Tab");
    expect(active()?.className).toBe("close");
    active()?.blur();
    await press("Escape");
    expect($("[role=dialog]")?.hidden).toBe(true);
    expect(active()?.className).toBe("launcher");
  });

  it("switches forms with accessible tabs and names every control after the payload", async () => {
    const { $, $: query, click, root } = await page();
    await click(".launcher");
    const tabs = root?.querySelectorAll("[role=tab]") ?? [];
    expect([...tabs].map((tab) => tab.textContent)).toEqual(["免费咨询", "在线下单"]);
    await click("#bw-tab-order");
    expect($("#bw-tab-order")?.getAttribute("aria-selected")).toBe("true");
    expect($("#bw-panel-order")?.hidden).toBe(false);
    expect($("#bw-panel-lead")?.hidden).toBe(true);
    const names = (panel: string) =>
      [...(root?.querySelectorAll(`${panel} [name]`) ?? [])].map((c) => c.getAttribute("name"));
    expect(names("#bw-panel-lead")).toEqual([
      "name",
      "phone",
      "email",
      "company",
      "filingType",
      "message",
      "consent.privacy",
      "consent.sharing",
      "website",
    ]);
    expect(names("#bw-panel-order")).toEqual([
      "filingType",
      "contact.name",
      "contact.phone",
      "contact.email",
      "entity.name",
      "entity.province",
      "miniProgram.name",
      "miniProgram.appId",
      "note",
      "consent.privacy",
      "consent.sharing",
      "website",
    ]);
    expect(query("#bw-panel-lead [name=phone]")?.getAttribute("autocomplete")).toBe("tel");
    expect(query("#bw-panel-order [name='contact.name']")?.getAttribute("autocomplete")).toBe(
      "name",
    );
    expect(query("#bw-panel-lead form")?.getAttribute("aria-label")).toBe("免费咨询表单");
    expect(query("#bw-panel-order form")?.getAttribute("aria-label")).toBe("备案下单表单");
    expect(root?.querySelectorAll("#bw-panel-order [name='entity.province'] option")).toHaveLength(
      32,
    );
    const honeypot = query("#bw-panel-lead [name=website]");
    expect(honeypot?.getAttribute("tabindex")).toBe("-1");
    expect(honeypot?.closest("[aria-hidden=true]")).not.toBeNull();
    const privacy = query("#bw-panel-lead label[for='bw-lead-consent-privacy'] a");
    expect(privacy?.getAttribute("href")).toBe("https://beian.example.com/privacy/");
    expect(privacy?.getAttribute("target")).toBe("_blank");
  });

  it("validates as you type and blocks submission until consent is given", async () => {
    const { $, type, click, active, calls } = await page();
    await click(".launcher");
    await type("#bw-panel-lead [name=phone]", "12345");
    expect($("#bw-panel-lead [name=phone]")?.getAttribute("aria-invalid")).toBe("true");
    const describedBy = $("#bw-panel-lead [name=phone]")?.getAttribute("aria-describedby");
    expect($(`#${describedBy}`)?.textContent).toBe("请输入有效的中国大陆手机号");
    expect($("#bw-panel-lead [name=name]")?.getAttribute("aria-invalid")).toBeNull();

    await type("#bw-panel-lead [name=name]", "张三");
    await type("#bw-panel-lead [name=phone]", "13800138000");
    expect($("#bw-panel-lead [name=phone]")?.getAttribute("aria-invalid")).toBeNull();
    // Not yet valid, yet the button does not look disabled: pressing it says what is missing.
    expect($("#bw-panel-lead .submit")?.getAttribute("aria-disabled")).toBe("false");

    await click("#bw-panel-lead .submit");
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(0);
    expect(active()?.getAttribute("name")).toBe("consent.privacy");
    expect($("#bw-panel-lead .notice")?.textContent).toBe("有 2 项需要修改,请检查后再提交");
    expect($("#bw-lead-consent-privacy-err")?.textContent).toBe("请阅读并同意隐私政策");
    expect($("#bw-lead-consent-sharing-err")?.textContent).toBe("请同意与合作伙伴共享信息");

    await click("#bw-panel-lead [name='consent.privacy']");
    await click("#bw-panel-lead [name='consent.sharing']");
    expect($("#bw-lead-consent-privacy-err")).toBeNull();
    expect($("#bw-lead-consent-sharing-err")).toBeNull();
  });

  it("sends a lead with attribution and headers, then shows the reference", async () => {
    const { $, type, click, calls, events, window, active, selected } = await page({
      data: { type: "enterprise" },
      answer: () => json(201, { id: 9, reference: "L-7K3M9Q" }),
    });
    await click(".launcher");
    expect(selected("#bw-panel-lead [name=filingType]")).toBe("enterprise");
    await type("#bw-panel-lead [name=name]", "张三");
    await type("#bw-panel-lead [name=phone]", "+86 138-0013-8000");
    await type("#bw-panel-lead [name=email]", "zhang@example.com");
    await click("#bw-panel-lead [name='consent.privacy']");
    await click("#bw-panel-lead [name='consent.sharing']");
    await click("#bw-panel-lead .submit");

    const post = calls.find((call) => call.method === "POST");
    expect(post?.url).toBe("https://cms.example/api/public/leads");
    expect(post?.headers["Content-Type"]).toBe("application/json");
    expect(post?.headers["Accept-Language"]).toBe("zh-CN");
    expect(post?.headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(post?.body).toMatchObject({
      name: "张三",
      phone: "13800138000",
      email: "zhang@example.com",
      filingType: "enterprise",
      consent: { privacy: true, sharing: true },
      partner: "acme",
      source: {
        pageUrl: "https://cloud.example.com/beian?utm_source=news&utm_campaign=spring",
        utm: { source: "news", campaign: "spring" },
      },
    });
    expect((post?.body as { elapsedMs?: number } | undefined)?.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(post?.body).not.toHaveProperty("website");

    const status = $("#bw-panel-lead [role=status]");
    expect(status?.textContent).toContain("L-7K3M9Q");
    expect(active()).toBe(status);
    expect(events.at(-1)).toEqual({
      type: "beian:submitted",
      detail: { kind: "lead", reference: "L-7K3M9Q" },
    });
    expect(window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
  });

  it("sends an order from the inline form and lists the materials", async () => {
    const { $, type, click, host, document, calls, events } = await page({
      data: { mode: "inline", target: "#order-here", partner: "direct", lang: "en" },
      body: '<main><div id="order-here"></div></main>',
      answer: () =>
        json(201, {
          orderNo: "BA20260115001",
          status: "submitted",
          materials: ["营业执照", "法人身份证"],
        }),
    });
    expect(host?.parentElement).toBe(document.querySelector("#order-here"));
    expect(host?.getAttribute("data-beian-widget")).toBe("inline");
    expect($(".launcher")).toBeNull();
    expect($("[role=dialog]")).toBeNull();
    expect($("#bw-tab-lead")?.textContent).toBe("Free consultation");
    await click("#bw-tab-order");
    const select = async (name: string, value: string) =>
      type(`#bw-panel-order [name='${name}']`, value);
    await select("filingType", "enterprise");
    await type("#bw-panel-order [name='contact.name']", "Li Si");
    await type("#bw-panel-order [name='contact.phone']", "13900000000");
    await type("#bw-panel-order [name='entity.name']", "杭州某某科技有限公司");
    await select("entity.province", "zhejiang");
    await type("#bw-panel-order [name='miniProgram.appId']", "WX0123456789ABCDEF");
    expect($("#bw-panel-order [name='consent.sharing']")).toBeNull();
    await click("#bw-panel-order [name='consent.privacy']");
    await click("#bw-panel-order .submit");

    const post = calls.find((call) => call.method === "POST");
    expect(post?.url).toBe("https://cms.example/api/public/orders");
    expect(post?.headers["Accept-Language"]).toBe("en");
    expect(post?.body).toMatchObject({
      filingType: "enterprise",
      contact: { name: "Li Si", phone: "13900000000" },
      entity: { name: "杭州某某科技有限公司", province: "zhejiang" },
      miniProgram: { appId: "wx0123456789abcdef" },
      consent: { privacy: true },
      partner: "direct",
    });
    const status = $("#bw-panel-order [role=status]");
    expect(status?.textContent).toContain("BA20260115001");
    expect([...(status?.querySelectorAll("li") ?? [])].map((li) => li.textContent)).toEqual([
      "营业执照",
      "法人身份证",
    ]);
    expect(events.at(-1)).toEqual({
      type: "beian:submitted",
      detail: { kind: "order", reference: "BA20260115001" },
    });
  });

  it("shows the server's field errors next to the fields", async () => {
    const { $, sendLead, click, active, window, events } = await page({
      data: { partner: "direct" },
      answer: () =>
        json(400, {
          error: {
            code: "validation_failed",
            message: "提交的信息有误,请检查后重试",
            fields: { phone: "该手机号已被停用" },
          },
        }),
    });
    await click(".launcher");
    await sendLead();
    expect($("#bw-lead-phone-err")?.textContent).toBe("该手机号已被停用");
    expect($("#bw-panel-lead .notice")?.textContent).toBe("提交的信息有误,请检查后重试");
    expect(active()?.getAttribute("name")).toBe("phone");
    expect(window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
    expect(events.at(-1)).toEqual({
      type: "beian:error",
      detail: { code: "validation_failed", message: "提交的信息有误,请检查后重试" },
    });
  });

  it("keeps a submission that could not be sent, offers the hotline, resends it on the next load", async () => {
    let attempts = 0;
    const first = await page({
      data: { partner: "direct" },
      answer: () => {
        attempts += 1;
        throw new TypeError("Failed to fetch");
      },
    });
    await first.click(".launcher");
    await first.sendLead();
    await settle(first.window, 100);
    expect(attempts).toBe(5);
    const alert = first.$("#bw-panel-lead [role=alert]");
    expect(alert?.querySelector("a")?.getAttribute("href")).toBe("tel:4009986176");
    const stored = JSON.parse(first.window.sessionStorage.getItem(PENDING_KEY) ?? "null");
    expect(stored).toMatchObject([
      {
        kind: "lead",
        url: "https://cms.example/api/public/leads",
        body: { name: "张三", phone: "13800138000" },
      },
    ]);
    expect(first.window.localStorage.length).toBe(0);
    expect(first.$("#bw-panel-lead [name=name]")).not.toBeNull();

    const keys: string[] = [];
    const second = await page({
      data: { partner: "direct" },
      sessionStorage: { [PENDING_KEY]: JSON.stringify(stored) },
      answer: (call) => {
        keys.push(call.headers["Idempotency-Key"] ?? "");
        return json(201, { id: 1, reference: "L-AAAAAA" });
      },
    });
    expect(keys).toEqual([stored[0].key]);
    expect(second.window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
    expect(second.events).toContainEqual({
      type: "beian:submitted",
      detail: { kind: "lead", reference: "L-AAAAAA" },
    });
  });

  it("retries a rate-limited (429) submission with the same key, keeps it, and offers the hotline", async () => {
    const keys: string[] = [];
    let limited = true;
    const { $, sendLead, click, window, events } = await page({
      data: { partner: "direct" },
      answer: (call) => {
        keys.push(call.headers["Idempotency-Key"] ?? "");
        if (!limited) return json(201, { id: 2, reference: "L-BBBBBB" });
        return new Response(
          JSON.stringify({ error: { code: "rate_limited", message: "请求过于频繁" } }),
          { status: 429, headers: { "Content-Type": "application/json", "Retry-After": "1" } },
        );
      },
    });
    await click(".launcher");
    await sendLead();
    await settle(window, 100);
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(1);
    expect($("#bw-panel-lead [role=alert] a")?.getAttribute("href")).toBe("tel:4009986176");
    expect(events.at(-1)).toMatchObject({ type: "beian:error", detail: { code: "rate_limited" } });
    const stored = JSON.parse(window.sessionStorage.getItem(PENDING_KEY) ?? "null");
    expect(stored).toMatchObject([{ kind: "lead", key: keys[0] }]);

    limited = false;
    await click("#bw-panel-lead .submit");
    expect(keys.at(-1)).toBe(keys[0]);
    expect(window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
    expect(events.at(-1)).toEqual({
      type: "beian:submitted",
      detail: { kind: "lead", reference: "L-BBBBBB" },
    });
  });

  it("keeps a failed lead and a failed order side by side and resends each on the next load", async () => {
    const first = await page({
      data: { partner: "direct" },
      answer: () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await first.click(".launcher");
    await first.sendLead();
    await settle(first.window, 100);
    // an edited resubmission takes the place of the attempt it corrects
    await first.type("#bw-panel-lead [name=name]", "张三丰");
    await first.click("#bw-panel-lead .submit");
    await settle(first.window, 100);
    await first.click("#bw-tab-order");
    await first.type("#bw-panel-order [name='filingType']", "personal");
    await first.type("#bw-panel-order [name='contact.name']", "李四");
    await first.type("#bw-panel-order [name='contact.phone']", "13900000000");
    await first.type("#bw-panel-order [name='entity.province']", "zhejiang");
    await first.click("#bw-panel-order [name='consent.privacy']");
    await first.click("#bw-panel-order .submit");
    await settle(first.window, 100);
    expect(first.$("#bw-panel-order [role=alert]")).not.toBeNull();
    const stored = JSON.parse(first.window.sessionStorage.getItem(PENDING_KEY) ?? "null");
    expect(stored).toMatchObject([
      { kind: "lead", body: { name: "张三丰" } },
      { kind: "order", body: { contact: { name: "李四" } } },
    ]);
    expect(stored).toHaveLength(2);

    const sent: [string, string][] = [];
    const second = await page({
      data: { partner: "direct" },
      sessionStorage: { [PENDING_KEY]: JSON.stringify(stored) },
      answer: (call) => {
        sent.push([call.url, call.headers["Idempotency-Key"] ?? ""]);
        return call.url.endsWith("/leads")
          ? json(201, { id: 3, reference: "L-CCCCCC" })
          : json(503, {});
      },
    });
    await settle(second.window, 100);
    expect(sent[0]).toEqual(["https://cms.example/api/public/leads", stored[0].key]);
    expect(sent.slice(1)).toEqual(
      Array(5).fill(["https://cms.example/api/public/orders", stored[1].key]),
    );
    expect(second.events).toContainEqual({
      type: "beian:submitted",
      detail: { kind: "lead", reference: "L-CCCCCC" },
    });
    // the confirmed lead is gone; the order (still 503) stays for the next load
    expect(JSON.parse(second.window.sessionStorage.getItem(PENDING_KEY) ?? "null")).toEqual([
      stored[1],
    ]);
  });

  it("takes the partner from the page URL for the iframe page, and obeys BeianWidget.open()", async () => {
    const { $, window, calls, active, selected } = await page({
      url: "https://beian.example.com/embed/?partner=acme",
      data: { partner: "", "partner-param": "partner" },
    });
    expect(calls[0]?.url).toBe("https://cms.example/api/public/widget-config?partner=acme");
    window.BeianWidget?.open({
      form: "order",
      type: "personal",
    });
    await settle(window);
    expect($("[role=dialog]")?.hidden).toBe(false);
    expect($("#bw-tab-order")?.getAttribute("aria-selected")).toBe("true");
    expect(selected("#bw-panel-order [name=filingType]")).toBe("personal");
    expect(active()?.getAttribute("name")).toBe("filingType");
    window.BeianWidget?.close();
    await settle(window);
    expect($("[role=dialog]")?.hidden).toBe(true);
  });
});

describe("what the widget keeps in the browser", () => {
  const MINUTE = 60_000;
  /** A submission kept by an earlier page of this tab, `ageMs` ago. */
  const kept = (key: string, ageMs: number) => ({
    kind: "lead",
    url: "https://cms.example/api/public/leads",
    body: { name: "张三", phone: "13800138000", consent: { privacy: true }, partner: "direct" },
    key,
    createdAt: Date.now() - ageMs,
    lang: "zh-CN",
  });

  it("keeps a submission that could not be sent in this tab only, and says so", async () => {
    const { sendLead, click, window, $ } = await page({
      data: { partner: "direct" },
      answer: () => {
        throw new TypeError("Failed to fetch");
      },
    });
    await click(".launcher");
    await sendLead();
    await settle(window, 100);
    // the request body with its key: a retry must send the same body with the same key
    const stored = JSON.parse(window.sessionStorage.getItem(PENDING_KEY) ?? "null");
    expect(stored).toMatchObject([
      { kind: "lead", body: { name: "张三", phone: "13800138000" }, key: expect.any(String) },
    ]);
    // not in localStorage: that outlives the tab, is shared by every tab and is never emptied
    expect(window.localStorage.length).toBe(0);
    expect($("#bw-panel-lead [role=alert]")?.textContent).toContain("本标签页暂存30分钟");
  });

  it("on load sends what is under 30 minutes old and deletes, unsent, what is older", async () => {
    const keys: string[] = [];
    const { window } = await page({
      data: { partner: "direct" },
      // nobody touches the launcher: a kept submission alone makes the loader fetch the form
      reach: false,
      sessionStorage: {
        [PENDING_KEY]: JSON.stringify([
          kept("stale", 30 * MINUTE + 1000),
          kept("fresh", 29 * MINUTE),
        ]),
      },
      answer: (call) => {
        keys.push(call.headers["Idempotency-Key"] ?? "");
        return json(201, { id: 4, reference: "L-DDDDDD" });
      },
    });
    await settle(window, 100);
    expect(keys).toEqual(["fresh"]);
    expect(window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
  });

  it("deletes a kept submission the moment the server answers, even with a refusal", async () => {
    const { window } = await page({
      data: { partner: "direct" },
      sessionStorage: { [PENDING_KEY]: JSON.stringify([kept("refused", MINUTE)]) },
      answer: () =>
        json(403, { error: { code: "origin_not_allowed", message: "不允许从该网站提交" } }),
    });
    await settle(window, 100);
    expect(window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
  });

  it("empties localStorage of what an earlier version kept there, without sending it", async () => {
    const { window, calls } = await page({
      data: { partner: "direct" },
      localStorage: { [PENDING_KEY]: JSON.stringify([kept("legacy", MINUTE)]), other: "kept" },
    });
    await settle(window, 100);
    expect(window.localStorage.getItem(PENDING_KEY)).toBeNull();
    expect(window.localStorage.getItem("other")).toBe("kept");
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);
  });

  it.each(["consent.privacy", "consent.sharing"])(
    "deletes the kept submission when %s is unticked (consent withdrawn)",
    async (consent) => {
      const { type, click, window, $ } = await page({
        answer: () => {
          throw new TypeError("Failed to fetch");
        },
      });
      await click(".launcher");
      await type("#bw-panel-lead [name=name]", "张三");
      await type("#bw-panel-lead [name=phone]", "13800138000");
      await click("#bw-panel-lead [name='consent.privacy']");
      await click("#bw-panel-lead [name='consent.sharing']");
      await click("#bw-panel-lead .submit");
      await settle(window, 100);
      expect(window.sessionStorage.getItem(PENDING_KEY)).toContain("张三");
      expect($("#bw-panel-lead [role=alert]")).not.toBeNull();

      await click(`#bw-panel-lead [name='${consent}']`);
      expect(window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
      // the notice that it is kept goes with it; what was typed stays in the form
      expect($("#bw-panel-lead [role=alert]")).toBeNull();
      expect($<HTMLInputElement>("#bw-panel-lead [name=name]")?.value).toBe("张三");
    },
  );

  it("unticking a form's consent also deletes what an earlier page kept of that form, not the other", async () => {
    const order = {
      ...kept("order", MINUTE),
      kind: "order",
      url: "https://cms.example/api/public/orders",
    };
    const { click, window } = await page({
      data: { partner: "direct" },
      sessionStorage: { [PENDING_KEY]: JSON.stringify([kept("lead", MINUTE), order]) },
      answer: () => json(503, {}),
    });
    await settle(window, 200);
    expect(JSON.parse(window.sessionStorage.getItem(PENDING_KEY) ?? "[]")).toHaveLength(2);
    await click(".launcher");
    await click("#bw-panel-lead [name='consent.privacy']");
    expect(JSON.parse(window.sessionStorage.getItem(PENDING_KEY) ?? "[]")).toHaveLength(2);
    await click("#bw-panel-lead [name='consent.privacy']");
    expect(JSON.parse(window.sessionStorage.getItem(PENDING_KEY) ?? "[]")).toEqual([order]);
  });
});

describe("after submit, and what the page presets", () => {
  const ORDER = { orderNo: "BA20260115001", status: "submitted", materials: ["营业执照"] };

  it("the success screen says when we reply, the hotline, and links an order to its tracking page", async () => {
    const { $, type, click } = await page({
      data: { partner: "direct" },
      answer: (call) =>
        call.url.endsWith("/orders")
          ? json(201, ORDER)
          : json(201, { id: 1, reference: "L-AAAAAA" }),
    });
    await click(".launcher");
    await click("#bw-tab-order");
    await type("#bw-panel-order [name=filingType]", "personal");
    await type("#bw-panel-order [name='contact.name']", "李四");
    await type("#bw-panel-order [name='contact.phone']", "13900000000");
    await type("#bw-panel-order [name='entity.province']", "beijing");
    await click("#bw-panel-order [name='consent.privacy']");
    await click("#bw-panel-order .submit");

    const status = $("#bw-panel-order [role=status]");
    expect(status?.textContent).toContain("1 个工作日内回复,急事请致电");
    expect(status?.querySelector("a[href^='tel:']")?.getAttribute("href")).toBe("tel:4009986176");
    const track = status?.querySelector("a[href*='/track/']");
    // The site's address is that of its privacy page, whatever page or API the widget runs on.
    expect(track?.getAttribute("href")).toBe(
      "https://beian.example.com/track/?order=BA20260115001",
    );
    expect(track?.textContent).toBe("查看订单进度(在新窗口打开)");
    expect([...(status?.querySelectorAll("li") ?? [])].map((li) => li.textContent)).toEqual([
      "营业执照",
    ]);

    // A lead has nothing to track: the reply and the hotline only.
    await click("#bw-tab-lead");
    await type("#bw-panel-lead [name=name]", "张三");
    await type("#bw-panel-lead [name=phone]", "13800138000");
    await click("#bw-panel-lead [name='consent.privacy']");
    await click("#bw-panel-lead .submit");
    const lead = $("#bw-panel-lead [role=status]");
    expect(lead?.textContent).toContain("L-AAAAAA");
    expect(lead?.textContent).toContain("1 个工作日内回复");
    expect(lead?.querySelector("a[href^='tel:']")).not.toBeNull();
    expect(lead?.querySelector("a[href*='/track/']")).toBeNull();
  });

  it("a submit button that is pressed too early says what is missing and sends nothing", async () => {
    const { $, click, calls } = await page({ data: { partner: "direct" } });
    await click(".launcher");
    const submit = $("#bw-panel-lead .submit");
    expect(submit?.getAttribute("aria-disabled")).toBe("false");
    await click("#bw-panel-lead .submit");
    expect($("#bw-panel-lead .notice")?.textContent).toBe("有 3 项需要修改,请检查后再提交");
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(0);
  });

  it("BeianWidget.open({ form, type, province }) presets the order's province; an unknown one is ignored, an empty one clears it", async () => {
    const { window, selected } = await page({
      data: { mode: "inline", target: "#order-here", partner: "direct" },
      body: '<main><div id="order-here"></div></main>',
    });
    window.BeianWidget?.open({ form: "order", type: "enterprise", province: "zhejiang" });
    await settle(window);
    expect(selected("#bw-panel-order [name=filingType]")).toBe("enterprise");
    expect(selected("#bw-panel-order [name='entity.province']")).toBe("zhejiang");
    window.BeianWidget?.open({ form: "order", province: "atlantis" });
    await settle(window);
    expect(selected("#bw-panel-order [name='entity.province']")).toBe("zhejiang");
    window.BeianWidget?.open({ form: "order", province: "shanghai" });
    await settle(window);
    expect(selected("#bw-panel-order [name='entity.province']")).toBe("shanghai");
    expect(selected("#bw-panel-order [name=filingType]")).toBe("enterprise");
    // The page's province choice cleared (the type page's checklist back to 请选择): so is the form's.
    window.BeianWidget?.open({ province: "" });
    await settle(window);
    expect(selected("#bw-panel-order [name='entity.province']")).toBe("");
    expect(selected("#bw-panel-order [name=filingType]")).toBe("enterprise");
  });
});

describe("the loader (v1/widget.js) and the form script (v1/form.js)", () => {
  const scriptsOf = (document: Window["document"]) =>
    [...document.querySelectorAll("script[src]")].map((script) => script.getAttribute("src"));

  it("a page view without interaction loads the loader alone and shows its launcher", async () => {
    const { document, $, calls, events } = await page({ reach: false });
    expect(scriptsOf(document)).toEqual([`${SCRIPTS_URL}widget.js`]);
    expect(calls.map((call) => call.url)).toEqual([
      "https://cms.example/api/public/widget-config?partner=acme",
    ]);
    expect($(".launcher")?.textContent).toBe("在线咨询");
    expect($(".bw")?.getAttribute("style")).toContain("--bw-primary:#0a7d5a");
    expect($("[role=dialog]")).toBeNull();
    expect(events).toEqual([
      { type: "beian:ready", detail: { partner: "acme", mode: "floating" } },
    ]);
  });

  it.each(["pointerover", "focus", "touchstart"])(
    "%s on the launcher loads the form, which takes the launcher's place",
    async (type) => {
      const { document, window, events } = await page({ reach: false });
      const launcher = host(document)?.shadowRoot?.querySelector(".launcher");
      launcher?.dispatchEvent(new window.Event(type));
      await settle(window);
      expect(scriptsOf(document).sort()).toEqual([
        `${SCRIPTS_URL}form.js`,
        `${SCRIPTS_URL}widget.js`,
      ]);
      const root = host(document)?.shadowRoot;
      expect(root?.querySelector("[role=dialog]")?.hasAttribute("hidden")).toBe(true);
      expect(root?.querySelectorAll(".launcher")).toHaveLength(1);
      // beian:ready is said once, by the loader
      expect(events.filter((event) => event.type === "beian:ready")).toHaveLength(1);
    },
  );

  it("a tap on the launcher opens the form it loads", async () => {
    const { document, window } = await page({ reach: false });
    const launcher = host(document)?.shadowRoot?.querySelector<HTMLElement>(".launcher");
    launcher?.click();
    await settle(window);
    const root = host(document)?.shadowRoot;
    expect(root?.querySelector("[role=dialog]")?.hasAttribute("hidden")).toBe(false);
    expect(root?.activeElement?.getAttribute("name")).toBe("name");
  });

  it("loads the English texts only for data-lang=en", async () => {
    const english = await page({ data: { lang: "en" } });
    expect(scriptsOf(english.document)).toContain(`${SCRIPTS_URL}form-en.js`);
    expect(english.$(".launcher")?.textContent).toBe("Contact us");
    expect(english.$("#bw-tab-lead")?.textContent).toBe("Free consultation");
    // …and the English field messages with them (the chunk hands both to the form)
    await english.click(".launcher");
    await english.type("#bw-panel-lead [name=phone]", "12345");
    expect(english.$("#bw-lead-phone-err")?.textContent).toBe(
      "Enter a valid mainland China mobile number",
    );
    const chinese = await page();
    expect(scriptsOf(chinese.document)).not.toContain(`${SCRIPTS_URL}form-en.js`);
  });

  it("inline: reserves the space at once and loads the form without waiting for a visitor", async () => {
    const {
      document,
      host: placed,
      $,
    } = await page({
      data: { mode: "inline", target: "#here" },
      body: '<main><div id="here"></div></main>',
      reach: false,
    });
    expect(scriptsOf(document)).toContain(`${SCRIPTS_URL}form.js`);
    expect(placed?.parentElement?.id).toBe("here");
    expect($("#bw-panel-lead form")).not.toBeNull();
    // the reserved height stays while the form is only there (no shift when it is shorter), and
    // goes once the visitor works in it
    expect(placed?.getAttribute("style")).toContain("min-height: 900px");
    $("#bw-panel-lead [name=name]")?.focus();
    expect(placed?.getAttribute("style")).not.toContain("min-height");
  });

  it("on an origin the partner does not allow: no widget, beian:error origin_not_allowed, the console says what to add where", async () => {
    const logged: string[] = [];
    const {
      host: placed,
      events,
      document,
      window,
    } = await page({
      url: "https://other.example.org/pricing",
      config: json(403, {
        error: { code: "origin_not_allowed", message: "此网站无权使用该合作伙伴的组件" },
      }),
      reach: false,
      console: (text) => logged.push(text),
    });
    expect(placed).toBeNull();
    expect(scriptsOf(document)).toEqual([`${SCRIPTS_URL}widget.js`]);
    expect(events).toEqual([
      {
        type: "beian:error",
        detail: { code: "origin_not_allowed", message: "此网站无权使用该合作伙伴的组件" },
      },
    ]);
    expect(logged.join("\n")).toContain(
      "请在管理后台 › 合作伙伴 › acme › 允许的来源 中添加 https://other.example.org",
    );
    expect(window.BeianWidget).toBeDefined();
  });
});
