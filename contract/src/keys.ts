/**
 * Stable keys that partners, sales tools and the acceptance checks rely on (CONTRACT §3–§5).
 * Renaming one is a breaking change of the public contract.
 */

export const FILING_TYPE_SLUGS = ["personal", "individual-business", "enterprise"] as const;
export type TFilingTypeSlug = (typeof FILING_TYPE_SLUGS)[number];

/** WeChat's filing API identifies the entity (主体) type by these codes. */
export const WECHAT_ENTITY_CODES: Readonly<Record<TFilingTypeSlug, number>> = {
  personal: 15,
  "individual-business": 12,
  enterprise: 1,
};

/** The order pipeline in the order it runs (CONTRACT §4). */
export const PIPELINE_STAGE_KEYS = [
  "submitted",
  "preliminary_review",
  "platform_review",
  "sms_verification",
  "bureau_review",
  "filed",
  "police_filing",
] as const;

/**
 * The side exits: not steps of the pipeline, and not open work (a rejected order waits for the
 * customer to correct it).
 */
export const TERMINAL_STAGE_KEYS = ["rejected", "cancelled"] as const;

/** Two key lists as one, typed as the tuple of both (a call, so bundlers may drop it unused). */
function joinKeys<A extends readonly string[], B extends readonly string[]>(a: A, b: B) {
  return [...a, ...b] as const;
}

/** Every stage an order can be in: the pipeline, then the side exits. */
export const STAGE_KEYS = /* @__PURE__ */ joinKeys(PIPELINE_STAGE_KEYS, TERMINAL_STAGE_KEYS);
export type TStageKey = (typeof STAGE_KEYS)[number];

export const ROLES = ["admin", "editor", "sales"] as const;
export type TRole = (typeof ROLES)[number];

export const FAQ_CATEGORIES = ["platform-rejection", "verification-failure", "general"] as const;
export type TFaqCategory = (typeof FAQ_CATEGORIES)[number];

export const GUIDE_PHASES = ["before", "during", "after"] as const;
export type TGuidePhase = (typeof GUIDE_PHASES)[number];

/** Case gallery industries: the CMS's select options and the site's filters. */
export const INDUSTRIES = [
  { value: "catering", zh: "餐饮", en: "Food & drink" },
  { value: "retail", zh: "零售电商", en: "Retail" },
  { value: "education", zh: "教育培训", en: "Education" },
  { value: "health", zh: "医疗健康", en: "Health" },
  { value: "local-services", zh: "生活服务", en: "Local services" },
  { value: "travel", zh: "文旅出行", en: "Travel" },
  { value: "tools", zh: "工具效率", en: "Tools" },
  { value: "public", zh: "政务与社会组织", en: "Public sector" },
  { value: "other", zh: "其他", en: "Other" },
] as const;
export type TIndustry = (typeof INDUSTRIES)[number]["value"];

/**
 * Small interface texts of the site (buttons, headings, hints), edited in site-settings › labels:
 * [field name, Chinese admin label, English admin label].
 */
export const SITE_LABELS = [
  ["skipToContent", "跳到正文链接", "Skip link"],
  ["mainNavigation", "主导航名称(读屏)", "Main navigation name"],
  ["hotline", "「咨询热线」", "Hotline label"],
  ["serviceHours", "「服务时间」", "Service hours label"],
  ["filterAll", "筛选「全部」", "Filter: all"],
  ["filterByIndustry", "「按行业」", "Filter by industry"],
  ["filterByFilingType", "「按备案类型」", "Filter by filing type"],
  ["noMatches", "筛选无结果提示", "No matches"],
  ["pagination", "分页导航名称(读屏)", "Pagination name"],
  ["previousPage", "「上一页」", "Previous page"],
  ["nextPage", "「下一页」", "Next page"],
  ["pageNumber", "页码({page} 为页码)", "Page number ({page})"],
  ["audience", "「适用对象」", "Audience heading"],
  ["sellingPoints", "「服务亮点」", "Selling points heading"],
  ["materials", "「所需材料」", "Materials heading"],
  ["stages", "「办理流程」", "Stages heading"],
  ["order", "「在线办理」", "Order heading"],
  ["orderIntro", "办理区说明", "Order intro"],
  ["readGuide", "「查看完整指引」", "Read the guide"],
  ["allFaqs", "「查看全部常见问题」", "All FAQs"],
  ["allCases", "「查看全部案例」", "All cases"],
  ["backHome", "「返回首页」", "Back home"],
  ["privacy", "「隐私政策」", "Privacy link"],
  ["duration", "「通常耗时」", "Duration label"],
  ["industry", "「行业」", "Industry label"],
  ["filingType", "「备案类型」", "Filing type label"],
  ["price", "「价格」前缀", "Price prefix"],
  ["trackOrderNo", "查询:「订单号」", "Track: order number"],
  ["trackPhone", "查询:「手机号」", "Track: phone"],
  ["trackSubmit", "查询:按钮", "Track: button"],
  ["trackNotFound", "查询:未找到", "Track: not found"],
  ["trackDeadline", "查询:「截止时间」", "Track: deadline"],
  ["trackRejection", "查询:「驳回原因」", "Track: rejection heading"],
  ["trackStage", "查询:「当前阶段」", "Track: current stage"],
  ["trackNextStep", "查询:「您现在需要做的」", "Track: what to do now"],
  ["trackTimeLeft", "查询:剩余时间({hours} {minutes})", "Track: time left ({hours} {minutes})"],
  ["trackOverdue", "查询:已过截止时间", "Track: past the deadline"],
  ["trackIcpNumber", "查询:「备案号」", "Track: ICP number"],
  ["trackRejectedAt", "查询:驳回于哪一阶段({stage})", "Track: rejected at ({stage})"],
  ["trackSuggestion", "查询:「修改建议」", "Track: how to fix"],
  ["myPhone", "备案中心:「手机号」", "Customer center: phone"],
  ["mySendCode", "备案中心:「获取验证码」", "Customer center: send code"],
  ["myResendIn", "备案中心:重新获取倒计时({seconds})", "Customer center: resend in ({seconds})"],
  ["myCodeSent", "备案中心:验证码已发送提示", "Customer center: code sent"],
  ["myCode", "备案中心:「验证码」", "Customer center: code"],
  ["mySignIn", "备案中心:「登录」", "Customer center: sign in"],
  ["mySignedInAs", "备案中心:已登录({phone})", "Customer center: signed in as ({phone})"],
  ["mySignOut", "备案中心:「退出登录」", "Customer center: sign out"],
  ["myNoOrders", "备案中心:没有订单时的提示", "Customer center: no orders"],
  ["myMaterials", "备案中心:「材料清单」", "Customer center: materials heading"],
  ["myMaterialMissing", "备案中心:材料「待上传」", "Customer center: material missing"],
  ["myMaterialUploaded", "备案中心:材料「已上传,待审核」", "Customer center: material uploaded"],
  ["myMaterialAccepted", "备案中心:材料「已通过」", "Customer center: material accepted"],
  ["myMaterialRejected", "备案中心:材料「需重新上传」", "Customer center: material rejected"],
  ["myUploadHint", "备案中心:上传说明(格式、大小)", "Customer center: upload hint (types, size)"],
  ["myUpload", "备案中心:「上传」", "Customer center: upload"],
  ["myReupload", "备案中心:「重新上传」", "Customer center: upload again"],
  ["myUploading", "备案中心:「正在上传」", "Customer center: uploading"],
  ["myView", "备案中心:「查看」已上传的文件", "Customer center: view the uploaded file"],
  ["myOptional", "备案中心:选填材料标注", "Customer center: optional item mark"],
  ["myFix", "备案中心:驳回后「怎么做」", "Customer center: what to do after a rejection"],
  ["myIcpHint", "备案中心:备案号如何展示", "Customer center: how to show the ICP number"],
  ["myEmailNotifications", "备案中心:邮件通知开关", "Customer center: email notifications switch"],
  ["checklistHeading", "类型页:材料清单标题", "Type page: checklist heading"],
  ["checklistProvince", "类型页:「主体所在省份」", "Type page: province picker label"],
  ["checklistChoose", "类型页:「请选择省份」", "Type page: picker placeholder"],
  ["checklistHint", "类型页:未选省份时的提示", "Type page: hint before a province is chosen"],
  ["checklistReview", "类型页:审核时限({days} 为天数)", "Type page: review time ({days} = days)"],
] as const;
export type TSiteLabel = (typeof SITE_LABELS)[number][0];

/** Chinese defaults of the labels added after the first release (the seed sets every label). */
export const SITE_LABEL_DEFAULTS: Partial<Record<TSiteLabel, string>> = {
  pagination: "分页",
  previousPage: "上一页",
  nextPage: "下一页",
  pageNumber: "第 {page} 页",
};

/**
 * Mainland provinces, autonomous regions and municipalities: where the entity files (管局). Kept
 * compact for the widget: the English name is the code in title case (`inner-mongolia` → `Inner
 * Mongolia`), the Chinese names are in the codes' order.
 */
export const PROVINCE_CODES = [
  "beijing",
  "tianjin",
  "hebei",
  "shanxi",
  "inner-mongolia",
  "liaoning",
  "jilin",
  "heilongjiang",
  "shanghai",
  "jiangsu",
  "zhejiang",
  "anhui",
  "fujian",
  "jiangxi",
  "shandong",
  "henan",
  "hubei",
  "hunan",
  "guangdong",
  "guangxi",
  "hainan",
  "chongqing",
  "sichuan",
  "guizhou",
  "yunnan",
  "tibet",
  "shaanxi",
  "gansu",
  "qinghai",
  "ningxia",
  "xinjiang",
] as const;
export type TProvince = (typeof PROVINCE_CODES)[number];

/** The Chinese names, in PROVINCE_CODES' order. */
const PROVINCE_NAMES_ZH = /* @__PURE__ */ (
  "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 " +
  "湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆"
).split(" ");

const titleCase = (code: string) =>
  code.replace(
    /(^|-)(.)/g,
    (_, dash: string, letter: string) => (dash && " ") + letter.toUpperCase(),
  );

export const PROVINCES: readonly { code: TProvince; zh: string; en: string }[] =
  /* @__PURE__ */ PROVINCE_CODES.map((code, i) => ({
    code,
    zh: PROVINCE_NAMES_ZH[i] ?? code,
    en: titleCase(code),
  }));
