/**
 * What goes to an address typed into a public form: the address is unverified, so anyone can make
 * our domain write to anyone. Such emails carry only our own words, the lead or order number,
 * titles from our own lists and links to our own site — never what the submitter typed.
 */
import { describe, expect, it } from "vitest";
import type { Lead, Order } from "../payload-types.ts";
import type { TEmailContent } from "./layout.ts";
import {
  leadAlert,
  leadConfirmation,
  orderAlert,
  orderConfirmation,
  smsDeadlineReminder,
  smsVerification,
  stageChange,
  type TEmailContext,
} from "./templates.ts";

const PHISHING = "账户异常,请访问 http://evil.example 补缴费用";

const context: TEmailContext = {
  brand: "小程序备案中心",
  hotline: "400-998-6176",
  serviceHours: null,
  siteUrl: "https://www.agency.example",
  cmsUrl: "https://cms.agency.example",
  filingTypeTitle: (slug) => (slug === "enterprise" ? "企业备案" : undefined),
  stage: (key) => ({ title: `阶段 ${key}`, summary: "我们的说明" }),
  partnerName: null,
};

const order = (status: Order["status"]): Order =>
  ({
    id: 7,
    orderNo: "B-7K3M-9Q2W",
    filingType: "enterprise",
    contact: { name: PHISHING, phone: "13800138000", email: "victim@example.com" },
    entity: { name: PHISHING, province: "zhejiang" },
    miniProgram: { name: PHISHING, appId: "wx0123456789abcdef" },
    note: PHISHING,
    materials: ["营业执照"],
    status,
    stageDeadline: "2026-11-30T04:44:00.000Z",
    createdAt: "2026-11-27T10:00:00.000Z",
    updatedAt: "2026-11-27T10:00:00.000Z",
  }) as Order;

const lead: Lead = {
  id: 3,
  reference: "L-7K3M9Q",
  name: PHISHING,
  phone: "13800138000",
  email: "victim@example.com",
  company: PHISHING,
  filingType: "enterprise",
  message: PHISHING,
  status: "new",
  createdAt: "2026-11-27T10:00:00.000Z",
  updatedAt: "2026-11-27T10:00:00.000Z",
} as Lead;

const customerEmails: [string, () => TEmailContent][] = [
  ["order confirmation", () => orderConfirmation(order("submitted"), context)],
  ["lead confirmation", () => leadConfirmation(lead, context)],
  ["stage change", () => stageChange(order("preliminary_review"), context)],
  ["SMS verification", () => smsVerification(order("sms_verification"), context)],
  ["SMS deadline reminder", () => smsDeadlineReminder(order("sms_verification"), context)],
];

const whole = ({ subject, html, text }: TEmailContent) => `${subject}\n${html}\n${text}`;

describe("an email to the customer's unverified address", () => {
  it.each(customerEmails)("(%s) repeats nothing the submitter typed", (_name, render) => {
    const email = whole(render());
    expect(email).not.toContain("账户异常");
    expect(email).not.toContain("evil.example");
    expect(email).not.toContain("wx0123456789abcdef");
  });

  it("the order confirmation keeps the order number, our titles and our own links", () => {
    const { subject, html, text } = orderConfirmation(order("submitted"), context);
    expect(subject).toContain("B-7K3M-9Q2W");
    for (const part of [html, text]) {
      expect(part).toContain("B-7K3M-9Q2W");
      expect(part).toContain("企业备案");
      expect(part).toContain("浙江");
      expect(part).toContain("营业执照");
      expect(part).toContain("https://www.agency.example/track/?order=B-7K3M-9Q2W");
    }
  });
});

it("the alerts to our own sales inbox keep what the submitter typed", () => {
  expect(whole(orderAlert(order("submitted"), context))).toContain(PHISHING);
  expect(whole(leadAlert(lead, context))).toContain(PHISHING);
});
