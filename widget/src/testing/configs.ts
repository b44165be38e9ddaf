/** Partners' widget configurations, as `GET /api/public/widget-config` answers them, for the tests. */
import type { TWidgetConfig } from "@beian/contract";

/** A partner (Acme 云) whose leads need the sharing consent. */
export const ACME_CONFIG: TWidgetConfig = {
  partner: { key: "acme", name: "Acme 云", theme: { primaryColor: "#0a7d5a" } },
  filingTypes: [
    { slug: "personal", name: "个人", audience: "个人开发者", features: [] },
    { slug: "individual-business", name: "个体工商户", audience: "个体户", features: [] },
    { slug: "enterprise", name: "企业", audience: "公司与机构", features: [] },
  ],
  contact: { phone: "400-998-6176" },
  consent: {
    privacyText: "我已阅读并同意《隐私政策》",
    privacyUrl: "https://beian.example.com/privacy/",
    sharingText: "我同意将信息同时提供给 Acme 云",
  },
};

/** The agency's own site (partner "direct"): no partner named, no sharing consent. */
export const DIRECT_CONFIG: TWidgetConfig = {
  ...ACME_CONFIG,
  partner: { key: "direct", name: "小程序备案中心", theme: { primaryColor: "#1f5fbf" } },
  consent: {
    privacyText: ACME_CONFIG.consent.privacyText,
    privacyUrl: ACME_CONFIG.consent.privacyUrl,
  },
};
