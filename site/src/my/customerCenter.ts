/**
 * The customer center's island on /my/: signs the customer in with their phone and an SMS code,
 * then shows each of their orders as /track/ does, with the checklist's upload slots (./uploads.ts)
 * and, once filed, the ICP number and how to show it. It speaks the customer API (CONTRACT §7) with the session
 * cookie, which the CMS sets `HttpOnly`: this script never sees it.
 */
import type { TApiError, TCustomerOrder, TCustomerOrders } from "@beian/contract";
import { el, renderTrack } from "../track/renderTrack.ts";
import { type TTrackLabels, trackView } from "../track/trackView.ts";
import { resendIn, signedInAs, type TMyLabels } from "./myView.ts";
import { materialsList } from "./uploads.ts";

type TCenter = {
  api: string;
  labels: TMyLabels & TTrackLabels;
  rejectionHeading: string;
  signIn: HTMLFormElement;
  orders: HTMLElement;
};

const RESEND_AFTER_S = 60;

/** An answer read in full (a body left unread keeps the request open in the browser). */
type TAnswer = { status: number; retryAfterS: number; body: unknown };

async function call(
  center: TCenter,
  method: string,
  path: string,
  body?: unknown,
): Promise<TAnswer> {
  try {
    const response = await fetch(`${center.api}/api/public/customer/${path}`, {
      method,
      credentials: "include",
      headers: {
        "Accept-Language": "zh-CN",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfterS: Number(response.headers.get("Retry-After")) || 0,
      body: text ? JSON.parse(text) : undefined,
    };
  } catch {
    return { status: 0, retryAfterS: 0, body: undefined };
  }
}

/** The error answer's words: the fields' messages, else the whole request's. */
function refusalText(answer: TAnswer): string {
  const error = (answer.body as TApiError | undefined)?.error;
  const fields = error?.fields ? Object.values(error.fields).join(" ") : "";
  return fields || error?.message || "网络异常,请稍后重试。";
}

function orderCard(center: TCenter, order: TCustomerOrder): HTMLElement {
  const card = el("article", undefined, "card my-order track-result");
  const view = trackView(order, center.labels, Date.now());
  const title = order.filingTypeName ? `${order.orderNo} · ${order.filingTypeName}` : order.orderNo;
  const heading = el("h2", title);
  heading.tabIndex = -1;
  card.append(heading, ...renderTrack(view, center.labels, center.rejectionHeading, 3));
  if (order.icpNumber) card.append(el("p", center.labels.myIcpHint, "my-icp-hint"));
  card.append(
    ...materialsList(order, {
      api: center.api,
      labels: center.labels,
      uploaded: async () => {
        await loadOrders(center);
      },
    }),
  );
  return card;
}

function showOrders(center: TCenter, { customer, orders }: TCustomerOrders): void {
  const bar = el("p", undefined, "my-account");
  const signOut = el("button", center.labels.mySignOut, "button button-ghost");
  signOut.setAttribute("type", "button");
  signOut.addEventListener("click", async () => {
    await call(center, "DELETE", "session");
    showSignIn(center);
  });
  bar.append(el("span", signedInAs(customer.phone, center.labels)), " ", signOut);
  const list = orders.length
    ? [
        emailSwitch(center, customer.notifyByEmail),
        ...orders.map((order) => orderCard(center, order)),
      ]
    : [el("p", center.labels.myNoOrders)];
  center.orders.replaceChildren(bar, ...list);
  center.signIn.hidden = true;
  center.orders.hidden = false;
}

/** Emails beside the texts: on or off for all the customer's orders (texts always go). */
function emailSwitch(center: TCenter, notifyByEmail: boolean): HTMLElement {
  const label = el("label", undefined, "my-email");
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = notifyByEmail;
  box.addEventListener("change", async () => {
    const answer = await call(center, "POST", "preferences", { notifyByEmail: box.checked });
    if (answer.status !== 200) box.checked = !box.checked;
  });
  label.append(box, " ", center.labels.myEmailNotifications);
  return label;
}

function showSignIn(center: TCenter): void {
  center.orders.hidden = true;
  center.orders.replaceChildren();
  center.signIn.reset();
  center.signIn.hidden = false;
}

/** The orders of the signed-in customer; false when nobody is signed in. */
async function loadOrders(center: TCenter): Promise<boolean> {
  const answer = await call(center, "GET", "orders");
  if (answer.status !== 200) return false;
  showOrders(center, answer.body as TCustomerOrders);
  return true;
}

/** The send button counts down until another code may be asked for. */
function countDown(button: HTMLButtonElement, seconds: number, labels: TMyLabels): void {
  let left = seconds;
  button.disabled = true;
  const tick = () => {
    if (left <= 0) {
      button.disabled = false;
      button.textContent = labels.mySendCode;
      return;
    }
    button.textContent = resendIn(left, labels);
    left -= 1;
    setTimeout(tick, 1000);
  };
  tick();
}

function wireSignIn(center: TCenter): void {
  const { signIn, labels } = center;
  const phoneInput = signIn.querySelector<HTMLInputElement>('[name="phone"]');
  const codeInput = signIn.querySelector<HTMLInputElement>('[name="code"]');
  const send = signIn.querySelector<HTMLButtonElement>("[data-send-code]");
  const status = signIn.querySelector<HTMLElement>("[data-status]");
  const error = signIn.querySelector<HTMLElement>("[data-error]");
  if (!phoneInput || !codeInput || !send || !status || !error) return;
  const say = (text: string, isError: boolean) => {
    status.textContent = isError ? "" : text;
    error.textContent = isError ? text : "";
  };

  send.addEventListener("click", async () => {
    const answer = await call(center, "POST", "code", { phone: phoneInput.value });
    if (answer.status === 202) {
      say(labels.myCodeSent, false);
      countDown(send, RESEND_AFTER_S, labels);
      codeInput.focus();
      return;
    }
    say(refusalText(answer), true);
    if (answer.status === 429 && answer.retryAfterS > 0)
      countDown(send, answer.retryAfterS, labels);
  });

  signIn.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { phone: phoneInput.value, code: codeInput.value };
    const answer = await call(center, "POST", "session", body);
    if (answer.status !== 200) return say(refusalText(answer), true);
    say("", false);
    await loadOrders(center);
    center.orders.querySelector<HTMLElement>("h2")?.focus();
  });
}

export async function startCustomerCenter(root: HTMLElement): Promise<void> {
  const signIn = root.querySelector<HTMLFormElement>("#my-sign-in");
  const orders = root.querySelector<HTMLElement>("#my-orders");
  if (!signIn || !orders) return;
  const center: TCenter = {
    api: root.dataset.api ?? "",
    labels: JSON.parse(root.dataset.labels ?? "{}"),
    rejectionHeading: root.dataset.rejection ?? "",
    signIn,
    orders,
  };
  wireSignIn(center);
  // A session from an earlier visit goes straight to the orders.
  if (!(await loadOrders(center))) showSignIn(center);
}
