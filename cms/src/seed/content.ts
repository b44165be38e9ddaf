/**
 * The site's content: the client's copy (/work/shared/brief/client-copy.zh.txt), verbatim.
 *
 * Only obvious typos of the copy are fixed (e.g. "注意接听来。" → "注意接听来电。", "前置审批好" →
 * "前置审批号", stray spaces inside Chinese words). Punctuation is kept as the client wrote it.
 * The few values the copy does not give (service hours, e-mail, footer filing numbers, stage
 * summaries and durations, general FAQs) are marked where they are set; the FAQs use only facts
 * from the copy. Cases and partners are not content: they are invented demo data in ./demo.ts.
 */

import { STAGE_KEYS, type TFilingTypeSlug, type TStageKey } from "@beian/contract";
import type { TUploadKind } from "../materials/slots.ts";
import type {
  Faq,
  FilingStage,
  FilingType,
  GuideArticle,
  Landing,
  SiteSetting,
} from "../payload-types.ts";
import { list, richText } from "./richText.ts";

/** A document as the seed creates it: without the fields Payload fills in. */
export type TSeed<T> = Omit<T, "id" | "createdAt" | "updatedAt" | "_status">;

const BRAND = "小程序备案中心";
const HOTLINE = "400-998-6176";
const CONTACT_US = "联系我们";

const HERO_SUBTITLE =
  "在中国大陆境内提供服务的网站都应依法进行 ICP 备案和公安备案," +
  "我们为您提供高效便捷的 ICP 备案服务。";

// Ours, not the client's: the copy's H1 is the brand and its subtitle speaks of websites; these
// say what we do for mini programs, from the copy's own facts (2023年9月起, 1V1专属备案专员,
// 1个工作日初审). To be confirmed by the client.
const HERO_TITLE = "小程序 ICP 备案,专员 1V1 代办";
const HERO_LEAD =
  "2023年9月起,在中国大陆提供服务的小程序都须先完成 ICP 备案。" +
  "专属备案专员帮您准备材料、提交初审,跟进微信官方审核、短信核验和管局审核,1个工作日内完成初审。";

// ---------------------------------------------------------------------------------------------
// Site settings and landing page
// ---------------------------------------------------------------------------------------------

/** Navigation and interface labels are added by the seed from ./pages.ts. */
export const siteSettings: Omit<TSeed<SiteSetting>, "navigation" | "labels"> = {
  brand: { name: BRAND },
  hotline: HOTLINE,
  // Not in the copy: plausible office hours, to be confirmed by the client.
  serviceHours: "周一至周五 9:00–18:00",
  // Not in the copy: placeholder address.
  contactEmail: "service@beian.example.com",
  // Placeholders: the client has not given its own filing numbers yet.
  icpNumber: "粤ICP备00000000号-1",
  publicSecurityNumber: "粤公网安备00000000000000号",
  seo: {
    title: `${BRAND} - 高效便捷的小程序 ICP 备案服务`,
    description: HERO_SUBTITLE,
  },
  consent: {
    privacyText:
      "我已阅读并同意《隐私政策》,同意小程序备案中心为联系我并提供备案服务处理以上信息。",
    sharingText:
      "我同意将以上信息同时提供给{partner},由{partner}与小程序备案中心分别联系我并提供备案及云服务。",
  },
  // Ours, not in the copy: the ways to ask on every page and the no-JavaScript /contact/ page.
  consult: {
    openLabel: "在线咨询",
    callLabel: "拨打热线",
    ctaHeading: "还有疑问?让备案专员帮您",
    ctaText: "留下姓名和手机号,备案专员将在1个工作日内与您联系;也可以直接拨打咨询热线。",
    pageTitle: "免费咨询",
    pageDescription:
      "留下您的姓名和手机号,小程序备案中心的备案专员将在1个工作日内与您联系,解答小程序 ICP 备案问题。",
  },
  faqCategories: [
    { category: "platform-rejection", title: "微信官方审核驳回常见问题" },
    {
      category: "verification-failure",
      title: "真实性核验视频未通过",
      intro: "在小程序备案时,若您存在真实性核验一直无法通过,可能由以下原因造成,您可参考下文:",
      outro: "若以上原因均不是核验未成功的原因,建议您更换手机重试。",
    },
    { category: "general", title: "常见问题" },
  ],
};

export const landing: TSeed<Landing> = {
  hero: {
    title: HERO_TITLE,
    subtitle: HERO_LEAD,
    ctaLabel: CONTACT_US,
  },
  promises: {
    items: [
      { title: "1V1交付", text: "1V1专属备案专员,省时省心,通过率翻倍" },
      { title: "快速备案", text: "平台将在1-2个工作日内进行初审,分配专人助您快速备案" },
      { title: "专属备案通道", text: "专属备案通道助您快速过审" },
    ],
  },
  process: { heading: "备案流程", ctaLabel: CONTACT_US },
  filingTypes: {
    heading: "选择小程序备案类型",
    audiencePrefix: "适用:",
    // Ours: the card's button leads to the type's page (checklist and order), not to a form.
    ctaLabel: "查看材料并办理",
    priceFrom: "¥{price} 起",
  },
  guide: {
    heading: "备案指引",
    phaseLabels: { before: "备案前准备", during: "备案进行中", after: "备案完成后" },
  },
  advantages: {
    heading: "小程序备案中心优势",
    items: [
      {
        title: "全程专业服务",
        text: "提供售前、售中和售后的全方位一体化服务,经营全流程护航,助力业绩增长",
      },
      { title: "流程规范", text: "专业的开发流程以确保项目准时、有效完成" },
      { title: "专享通道", text: "提供一站式备案服务,更高效便捷,省时省心省力" },
      {
        title: "强大研发实力",
        text: "安全稳定可用的系统支持,保障核心流程便捷操作,快速上手高效管理",
      },
    ],
  },
  // openLabel is ours: on a phone the case opens its link instead of a code to scan.
  cases: {
    customerCountClaim: "已备案成功1000+客户",
    scanLabel: "扫码查看案例",
    openLabel: "打开小程序",
  },
  partners: { heading: "云服务合作伙伴" },
};

// ---------------------------------------------------------------------------------------------
// Filing types
// ---------------------------------------------------------------------------------------------

const SELLING_POINTS = [
  "专业团队,助您快速办理",
  "快速备案,成功率翻倍",
  "贴心服务,让您后顾无忧",
  "合法合规,让您安全省心",
];

/** "准备需要备案的小程序": one line per filing type, verbatim. */
const MATERIAL_LINES: Record<TFilingTypeSlug, string> = {
  personal: "个人小程序:本人身份证、本人手机号、本人备用手机号、本人电子邮箱;",
  "individual-business":
    "个体户小程序:个体户营业执照、法人身份证、管理员身份证、管理员手机号、管理员备用手机号、" +
    "管理员电子邮箱;",
  enterprise:
    "企业小程序:企业营业执照、法人身份证、管理员身份证、管理员手机号、管理员备用手机号、" +
    "管理员电子邮箱。",
};

/**
 * Ours, not the client's: what the customer uploads for an item in 备案中心 — an ID card as its two
 * sides, a licence as one file, phone numbers and email addresses not at all (they are filled in).
 */
const uploadOf = (item: string): TUploadKind =>
  item.includes("身份证") ? "id_card" : item.includes("执照") ? "single" : "none";

/** The items of a materials line: after the colon, without the final punctuation, split on "、". */
const materialsOf = (slug: TFilingTypeSlug): { item: string; upload: TUploadKind }[] => {
  const line = MATERIAL_LINES[slug];
  return line
    .slice(line.indexOf(":") + 1)
    .replace(/[;。]$/, "")
    .split("、")
    .map((item) => ({ item, upload: uploadOf(item) }));
};

/**
 * Ours, not the client's: the copy gives each stage a time (初审 1 + 微信 1–2 + 短信 1 + 管局 1–20 个工作日,
 * 4–24 in all) but no type a time of its own, so the range stays the copy's sum and each type says
 * what lengthens it for that type, from the copy's materials and the province rules
 * (./provinceRules.ts). To be confirmed by the client.
 */
const TYPICAL_DURATIONS: Record<TFilingTypeSlug, string> = {
  personal: "约 4–24 个工作日,备齐本人身份证即可提交",
  "individual-business": "约 4–24 个工作日,另需营业执照;浙江、安徽按企业主体审核",
  enterprise: "约 4–24 个工作日,须在执照登记省份备案;特殊行业另需前置审批",
};

const sellingPoints = (): { text: string }[] => SELLING_POINTS.map((text) => ({ text }));

export const filingTypes: TSeed<FilingType>[] = [
  {
    slug: "personal",
    name: "个人备案",
    audience: "个人",
    sellingPoints: sellingPoints(),
    materials: materialsOf("personal"),
    typicalDuration: TYPICAL_DURATIONS.personal,
    wechatEntityCode: 15,
    order: 10,
  },
  {
    slug: "individual-business",
    name: "个体户备案",
    audience: "门店",
    sellingPoints: sellingPoints(),
    materials: materialsOf("individual-business"),
    typicalDuration: TYPICAL_DURATIONS["individual-business"],
    wechatEntityCode: 12,
    order: 20,
  },
  {
    slug: "enterprise",
    name: "企业备案",
    audience: "企业、政府机关、社会组织",
    sellingPoints: sellingPoints(),
    materials: materialsOf("enterprise"),
    typicalDuration: TYPICAL_DURATIONS.enterprise,
    wechatEntityCode: 1,
    order: 30,
  },
];

// ---------------------------------------------------------------------------------------------
// Filing stages: the five-step overview, the guide's seven steps and the review notes
// ---------------------------------------------------------------------------------------------

const MIIT_LINK = "[beian.miit.gov.cn](https://beian.miit.gov.cn/)";

const STAGES: Record<TStageKey, Omit<TSeed<FilingStage>, "key" | "order">> = {
  submitted: {
    title: "提交资料",
    customerAction: "请保持电话畅通:备案专员将在1个工作日内与您联系,核对资料后提交初审。",
    // Not in the copy as a sentence: summary of guide steps 1–2.
    summary: "选择备案类型并上传备案资料,提交至小程序备案中心初审。",
    overview: { show: true, title: "填写信息", text: "登录小程序备案中心填写信息及上传资料" },
    guideSteps: [
      {
        number: 1,
        title: "选择备案类型",
        text: "根据您所需备案的小程序类型,选择对应备案服务进行下单。",
      },
      {
        number: 2,
        title: "上传备案资料",
        text:
          "支付成功后,按照中心要求,上传对应的备案资料,确认资料无误后," +
          "提交至小程序备案中心初审。",
      },
    ],
  },
  preliminary_review: {
    title: "初步审核",
    customerAction: "请保持电话畅通并接听备案管家的来电,按要求补充资料。",
    summary: "1个工作日完成电话核验并告知初审结果",
    typicalDuration: "约1个工作日",
    deadline: { amount: 1, unit: "working_days" },
    overview: { show: true, title: "初步审核", text: "1个工作日完成电话核验并告知初审结果" },
    guideSteps: [
      {
        number: 3,
        title: "小程序备案中心初审",
        text:
          "小程序备案中心初审预计需要1个工作日左右,审核期间,我们将有专属备案管家" +
          "拨打您备案信息中的联系方式进行沟通,请保持电话畅通。",
      },
    ],
    detail: richText(
      "**备案信息中的联系方式需保持畅通**:在您提交备案申请后,小程序备案中心官方备案管家会在" +
        "1个工作日内联系您,请您保持电话畅通并注意接听来电。",
      "**资料补充**:小程序备案中心初审时,备案管家会根据各省市管局要求或者依据您的ICP备案申请场景," +
        "可能需要您完成一些其他的核验操作以及补充相关资料(备案管家会1V1的协助您进行资料补充)",
    ),
  },
  platform_review: {
    title: "微信官方审核",
    customerAction: "请保持电话畅通,微信官方审核人员可能致电核实。",
    summary: "微信官方审核预计需要1-2个工作日,审核结果包括:成功、驳回。",
    typicalDuration: "1-2个工作日",
    deadline: { amount: 2, unit: "working_days" },
    overview: { show: false },
    guideSteps: [
      {
        number: 4,
        title: "微信官方审核",
        text:
          "微信官方审核预计需要1-2个工作日,审核结果包括:成功、驳回,如果微信官方审核驳回," +
          "我们的备案管家将会在一个工作日内与您取得联系,协助您进行处理。",
      },
    ],
    detail: richText(
      "**备案信息中的联系方式需保持畅通**:在您提交的备案申请提交至微信官方后,微信官方审核人员会在" +
        "1-2个工作日内联系您,请您保持电话畅通并注意接听来电。",
    ),
  },
  sms_verification: {
    title: "短信核验",
    customerAction: "收到工信部短信后 24 小时内登录 beian.miit.gov.cn 完成核验。",
    summary: "工信部短信核验需要在24小时内完成",
    typicalDuration: "24小时内",
    deadline: { amount: 24, unit: "hours" },
    overview: { show: true, title: "短信核验", text: "工信部短信核验需要在24小时内完成" },
    guideSteps: [
      {
        number: 5,
        title: "短信核验",
        // The copy ends without a full stop ("详情可查看备案短信核验" was a link on the old site).
        text:
          "微信官方审核通过后,您的备案订单将会提交至省级通信管理局,工信部将会下发短信验证码," +
          "您需在24小时内,访问所在省管局网站进行验证,详情可查看备案短信核验",
      },
    ],
    detail: richText(
      "在微信官方审核完毕提交至管局后,您会收到工信部发送的核验短信验证码,您需要在收到短信后的" +
        `24小时内登录工信部备案管理系统(${MIIT_LINK})完成短信核验,核验成功后备案申请才能` +
        "进入管局审核,超时未核验,备案信息将会被驳回。",
    ),
  },
  bureau_review: {
    title: "管局审核",
    customerAction: "请保持电话畅通并确保小程序内容合规,管局可能致电核实。",
    summary: "管局将在1-20个工作日内对您的备案资料进行审核。",
    // The Zhejiang note is not in the copy; it was given in the brief.
    typicalDuration: "1-20个工作日(浙江最长30个工作日)",
    deadline: { amount: 20, unit: "working_days" },
    overview: {
      show: true,
      title: "管局审核",
      text: "20个工作日内完成可登录小程序备案中心账号查询",
    },
    guideSteps: [
      { number: 6, title: "管局审核", text: "管局将在1-20个工作日内对您的备案资料进行审核。" },
    ],
    detail: richText(
      "**备案中的联系方式需保持畅通**:部分地区管局可能会拨打备案信息中相关负责人的电话号码进行" +
        "备案信息核实,请您保持电话畅通注意接听来电。",
      "**小程序内容须符合要求**:部分地区管局需要查看已备案成功的小程序内容是否合规、" +
        "未备案小程序是否关闭,请您在备案审核期间保证小程序内容符合要求。",
    ),
  },
  filed: {
    title: "备案成功",
    customerAction: "请将备案号展示在小程序中,并在上线后 30 日内办理公安备案。",
    summary: "备案完成审核通过以后,小程序备案中心会以短信和邮件的形式通知您。",
    overview: { show: true, title: "备案成功", text: "管局下发备案号并完成公安备案" },
    guideSteps: [
      {
        number: 7,
        title: "等待审核通过,备案完成",
        text:
          "备案完成审核通过以后,小程序备案中心会以短信和邮件的形式通知您。登录小程序备案中心," +
          "查看小程序icp备案号,并可将小程序icp备案号更新展示到对应的小程序中。",
      },
    ],
  },
  police_filing: {
    title: "公安备案",
    customerAction: "请在小程序上线后 30 日内完成公安备案。",
    // Not in the copy: the 30-day rule was given in the brief.
    summary: "小程序上线后30日内完成公安备案",
    deadline: { amount: 30, unit: "days" },
    overview: { show: false },
  },
  rejected: {
    title: "已驳回",
    customerAction: "请按下方修改建议更正资料;备案管家将在1个工作日内联系您,协助重新提交。",
    // Not in the copy as a sentence: from guide step 4.
    summary:
      "备案申请被驳回,驳回原因会逐项列出;我们的备案管家将会在一个工作日内与您取得联系," +
      "协助您修改资料后重新提交。",
  },
  cancelled: {
    title: "已取消",
    customerAction: "订单已取消,不再进行后续审核。如需重新办理,请拨打咨询热线。",
    // Not in the copy.
    summary: "备案订单已取消,不再进行后续审核。",
  },
};

export const filingStages: TSeed<FilingStage>[] = STAGE_KEYS.map((key, index) => ({
  key,
  ...STAGES[key],
  order: (index + 1) * 10,
}));

// ---------------------------------------------------------------------------------------------
// Guide articles
// ---------------------------------------------------------------------------------------------

export const guideArticles: TSeed<GuideArticle>[] = [
  {
    phase: "before",
    title: "什么是ICP备案?",
    tabLabel: "什么是备案?",
    anchor: "what-is-icp",
    body: richText(
      "ICP备案是中国大陆的一项法规,使用大陆节点服务器提供互联网信息服务的用户," +
        "需要在服务器提供商处提交ICP备案申请。",
      "根据工信部《互联网信息服务管理办法》(国务院292号令)和工信部令第33号" +
        "《非经营性互联网信息服务备案管理办法》规定,国家对经营性互联网信息服务实行许可制度," +
        "对非经营性互联网信息服务实行备案制度。未取得许可或者未履行备案手续的," +
        "不得从事互联网信息服务,否则属违法行为。通俗来讲,要开办网站必须先办理网站备案," +
        "备案成功并获取通信管理局下发的ICP备案号后才能开通访问。",
      "2023年9月起小程序备案被纳入原ICP网站备案行政许可事项中,在中华人民共和国境内从事互联网" +
        "信息服务的小程序主办者,应当依照《中华人民共和国反电信网络诈骗法》《互联网信息服务管理办法》" +
        "(国务院令第292号)等规定履行备案手续,未履行备案手续的,不得从事小程序互联网信息服务。",
    ),
    include: "none",
    order: 10,
  },
  {
    phase: "before",
    title: "应该在哪里提交ICP备案?",
    anchor: "where-to-file",
    body: richText(`由小程序运行平台或服务商为小程序主办者代为履行备案手续,联系我们:${HOTLINE}`),
    include: "none",
    order: 20,
  },
  {
    phase: "before",
    title: "准备需要备案的小程序",
    tabLabel: "准备工作",
    anchor: "preparation",
    body: richText(
      list("bullet", [
        MATERIAL_LINES.personal,
        MATERIAL_LINES["individual-business"],
        MATERIAL_LINES.enterprise,
      ]),
    ),
    include: "none",
    order: 30,
  },
  {
    phase: "during",
    title: "备案步骤",
    tabLabel: "备案步骤",
    anchor: "filing-steps",
    // The steps themselves are the filing stages' guide steps.
    body: richText(),
    include: "guide-steps",
    order: 40,
  },
  {
    phase: "during",
    title: "审核步骤",
    tabLabel: "审核步骤",
    anchor: "review-stages",
    body: richText(
      "在您提交备案信息后,需经过小程序备案中心初审、微信官方审核和管局审核,各备案环节注意事项如下:",
    ),
    include: "stage-details",
    order: 50,
  },
  {
    phase: "after",
    title: "备案成功后",
    tabLabel: "备案成功后",
    anchor: "after-filing",
    body: richText("备案成功后,需尽快将小程序的icp备案号,更新至您的小程序中展示。"),
    include: "none",
    order: 60,
  },
];

// ---------------------------------------------------------------------------------------------
// FAQs
// ---------------------------------------------------------------------------------------------

export const faqs: TSeed<Faq>[] = [
  // 微信官方审核驳回常见问题
  {
    category: "platform-rejection",
    question: "备案订单中的联系电话未接通",
    answer: richText(
      "备案订单在审核过程中,不仅会对您提交的证件真实性进行核验,同时也会针对备案订单中填写的相关人员" +
        "通过电话核验对应人员对此次备案情况是否了解,以确保此次订单申请是备案主体真实授权提交的," +
        "避免信息的冒用。",
    ),
    anchor: "rejection-phone-unreachable",
    order: 10,
  },
  {
    category: "platform-rejection",
    question: "备案订单中相关证件电子版不合格",
    answer: richText(
      "在备案订单申请过程中,备案所需证件一定是对应发证机构最新核准下发的," +
        "并遵守原件拍照件或者原件彩色扫描件的要求。",
    ),
    anchor: "rejection-invalid-documents",
    order: 20,
  },
  {
    category: "platform-rejection",
    question: "前置审批不合格",
    answer: richText(
      "未按要求提供前置审批文件或已提交的前置审批文件不完整、不清晰、有遮挡或已过期等。" +
        "如您涉及特殊行业,需在对应入口填写前置审批号并上传完整、清晰的前置审批文件。",
    ),
    anchor: "rejection-pre-approval",
    order: 30,
  },
  {
    category: "platform-rejection",
    question: "应急号码未填写或无效号码",
    answer: richText(
      "应急号码是必填项,不可填写关机、空号等状态下的手机号码,部分省市有特殊要求," +
        "是否能与备案其他联系方式相同,请您参考备案信息填写页面提示。",
    ),
    anchor: "rejection-emergency-number",
    order: 40,
  },
  {
    category: "platform-rejection",
    question: "网站负责人人像照片不符合要求",
    answer: richText(
      "网站负责人人脸核验照片非白色背景、逆光、照片模糊或有遮挡等。您需要重新进行核验," +
        "且核验时需为纯白色背景(没有任何杂物),核验人需着当季服装,两肩露出上方留白进行清晰拍摄," +
        "面部无遮挡。",
    ),
    anchor: "rejection-portrait-photo",
    order: 50,
  },

  // 真实性核验视频未通过
  {
    category: "verification-failure",
    question: "动作不规范,偏头和转头混淆",
    answer: richText(
      "若您在进行核验时动作与其要求不一致,可能会导致核验失败,您需重新进行核验;" +
        "网站/APP负责人需着装整齐拍摄,背景为纯白色没有任何杂物(白墙),两肩露出上方留白进行清晰拍摄。",
    ),
    anchor: "verification-wrong-movement",
    order: 110,
  },
  {
    category: "verification-failure",
    question: "拍摄地光线黑暗",
    answer: richText(
      "若您在拍摄身份证照片时光线不足,导致身份证头像不清晰,无法正确识别,可能导致核验失败;" +
        "您需在光线充足的地方重新拍摄证件扫描件并上传,并在真实性核验时确保光线充足。",
    ),
    anchor: "verification-poor-lighting",
    order: 120,
  },
  {
    category: "verification-failure",
    question: "人脸图像质量或格式问题",
    answer: richText(
      // "多于背景过多" in the copy: a typo for "多余背景过多".
      "若您在拍摄身份证照片时,证件有效区域太小,多余背景过多,可能导致核验失败;" +
        "建议您将证件照片的多余背景裁剪掉,或者重新拍摄证件扫描件并上传,重新核验。",
    ),
    anchor: "verification-image-quality",
    order: 130,
  },
  {
    category: "verification-failure",
    question: "未检测到人脸或检测到多张人脸",
    answer: richText(
      "若您拍摄的身份证照片头像位置反光或有阴影,可能导致身份证头像不清晰,无法正确识别;" +
        "您需重新拍摄证件扫描件并上传,重新核验。",
    ),
    anchor: "verification-face-not-detected",
    order: 140,
  },
  {
    category: "verification-failure",
    question: "人脸与身份证信息不符",
    answer: richText("若出现此类提示,请确保是本人操作。"),
    anchor: "verification-face-mismatch",
    order: 150,
  },
  {
    category: "verification-failure",
    question: "认证信息不一致,即填写的网站负责人证件号码或姓名与身份证不一致",
    answer: richText(
      "若您填写的小程序负责人证件号码或姓名与您实际上传的身份证不一致,可能会导致核验失败;" +
        "烦请您再次检查与核对填写的备案信息。",
    ),
    anchor: "verification-info-mismatch",
    order: 160,
  },

  // 常见问题: not in the copy as questions; the answers use only the copy's own sentences.
  {
    category: "general",
    question: "小程序为什么需要备案?",
    answer: richText(
      "2023年9月起小程序备案被纳入原ICP网站备案行政许可事项中,在中华人民共和国境内从事互联网" +
        "信息服务的小程序主办者,应当依照《中华人民共和国反电信网络诈骗法》《互联网信息服务管理办法》" +
        "(国务院令第292号)等规定履行备案手续,未履行备案手续的,不得从事小程序互联网信息服务。",
    ),
    anchor: "general-why-file",
    order: 210,
  },
  {
    category: "general",
    question: "备案一般需要多长时间?",
    answer: richText(
      list("bullet", [
        "小程序备案中心初审预计需要1个工作日左右;",
        "微信官方审核预计需要1-2个工作日;",
        "工信部短信核验需要在24小时内完成;",
        "管局将在1-20个工作日内对您的备案资料进行审核。",
      ]),
    ),
    anchor: "general-how-long",
    order: 220,
  },
  {
    category: "general",
    question: "短信核验超时会怎样?",
    answer: richText(
      "您需要在收到工信部核验短信后的24小时内登录工信部备案管理系统" +
        `(${MIIT_LINK})完成短信核验,超时未核验,备案信息将会被驳回。`,
      `如需协助,请联系我们:${HOTLINE}`,
    ),
    anchor: "general-sms-timeout",
    order: 230,
  },
  {
    category: "general",
    question: "备案成功后需要做什么?",
    answer: richText(
      "备案完成审核通过以后,小程序备案中心会以短信和邮件的形式通知您。",
      "备案成功后,需尽快将小程序的icp备案号,更新至您的小程序中展示。",
    ),
    anchor: "general-after-filing",
    order: 240,
  },
];
