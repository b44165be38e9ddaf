/**
 * Seed content of the standalone pages (guide, FAQ and case-gallery headers, the privacy notice,
 * the thank-you and 404 pages) and of the site settings' main navigation and interface labels.
 *
 * Not in the client's copy (/work/shared/brief/client-copy.zh.txt): written for the site from the
 * facts of the brief (hotline, what the lead and order forms carry, partners, e-mail provider).
 * "已备案成功1000+客户" and the 1-working-day contact are the client's own claims. Punctuation
 * follows content.ts (the copy as delivered: ASCII , : ; ( ) ? beside 。、《》“”).
 *
 * The privacy notice describes what the product does (see CONTRACT.md); when the forms, the
 * recipients or the retention change, it must change with them, with a new effective date.
 */

// payload-types.ts does not declare `Page`, nor SiteSetting's `navigation` and `labels`, until the
// types are regenerated. Until then the local types below mirror the field definitions in
// ../collections/Pages/index.ts and ../globals/SiteSettings/index.ts; afterwards, use
// `TSeed<Page>`, `NonNullable<SiteSetting["navigation"]>` and `SiteSetting["labels"]` instead.
import type { PAGE_SLUGS } from "../collections/Pages/index.ts";
import type { SITE_LABELS } from "../globals/SiteSettings/index.ts";
import type { GuideArticle } from "../payload-types.ts";
import type { TSeed } from "./content.ts";
import { heading, list, richText } from "./richText.ts";

type TPageSlug = (typeof PAGE_SLUGS)[number];

/** A document of the `pages` collection, as Payload will generate it. */
type TPage = {
  id: number;
  slug: TPageSlug;
  title: string;
  description: string;
  /** The shape Payload generates for every richText field. */
  body?: GuideArticle["body"];
  updatedNote?: string | null;
  _status?: ("draft" | "published") | null;
  updatedAt: string;
  createdAt: string;
};

/** One row of SiteSettings' `navigation` array. */
type TNavigationLink = { label: string; href: string; id?: string | null };

/** SiteSettings' `labels` group: one required text per SITE_LABELS entry. */
type TSiteLabels = Record<(typeof SITE_LABELS)[number][0], string>;

const HOTLINE = "400-998-6176";
const EMAIL = "service@beian.example.com";
const PIPL = "《个人信息保护法》";

// ---------------------------------------------------------------------------------------------
// Privacy notice
// ---------------------------------------------------------------------------------------------

const privacyBody = richText(
  "小程序备案中心(以下简称“我们”)重视并依法保护您的个人信息。本政策依据《中华人民共和国个人信息" +
    `保护法》(以下简称${PIPL})等法律法规制定,说明我们在本网站(包括在线办理和订单查询)` +
    "以及嵌入在合作伙伴网站上的" +
    "咨询与办理组件中,如何收集、使用、提供、保存和保护您的个人信息,以及您如何行使自己的权利。",
  "请您在提交表单前仔细阅读本政策。您勾选同意并提交表单后,我们才会按本政策处理您提交的信息;" +
    "通过合作伙伴网站提交时,向该合作伙伴提供您的信息还需要您另行勾选单独同意。",

  heading("h2", "我们是谁"),
  "本网站及咨询与办理组件由小程序备案中心运营,我们是处理您个人信息的个人信息处理者," +
    "为个人、个体工商户、企业及其他组织代办小程序 ICP 备案。对本政策或您的个人信息有任何疑问、" +
    "意见或请求,请通过以下方式联系我们:",
  list("bullet", [`咨询热线:**${HOTLINE}**`, `电子邮箱:${EMAIL}`]),

  heading("h2", "我们收集哪些个人信息"),
  "我们只收集联系您和办理备案所必需的信息。标注为选填的项目可以不填,不影响我们与您联系。",
  heading("h3", "咨询表单"),
  list("bullet", [
    "姓名、手机号(必填):用于与您联系,了解并答复您的备案需求;",
    "邮箱、公司名称、备案类型(个人、个体户或企业)、留言(选填):" +
      "帮助备案专员提前了解您的情况,更有针对性地为您服务。",
  ]),
  heading("h3", "在线办理(备案订单)"),
  list("bullet", [
    "联系人姓名、手机号(必填)和邮箱(选填):用于办理过程中的沟通和初审电话核验、" +
      "通知办理进度,以及凭订单号和手机号查询订单;",
    "备案类型、备案主体名称、主体所在省份:用于确定所需材料和办理流程," +
      "并按所在省份通信管理局的要求办理;个人备案时,主体名称即您本人的姓名;",
    "小程序名称、AppID 和备注(选填):用于识别需要备案的小程序。",
  ]),
  heading("h3", "提交表单时一并记录的技术信息"),
  list("bullet", [
    "来源页面地址:您提交表单时所在页面的网址;",
    "来源网站(referrer):您从哪个网站进入该页面;",
    "广告活动参数(UTM):页面网址中标记推广渠道的参数(如 utm_source、utm_campaign);",
    "IP地址:仅用于防止恶意提交和频率限制等安全目的。",
  ]),
  "本网站和组件不使用用于跟踪的 Cookie,不接入任何第三方统计分析服务,也不从第三方加载字体或" +
    "通过第三方 CDN 分发文件。合作伙伴网站自身使用的 Cookie 和统计工具由合作伙伴负责," +
    "适用其隐私政策。",
  "网站表单不要求您提供身份证件号码、证件照片或人脸图像等敏感个人信息。下单后办理备案时," +
    "备案系统要求提交的证件和真实性核验等材料,我们会在收取前单独告知处理目的和必要性," +
    "并取得您的单独同意。",

  heading("h2", "为什么收集(处理目的和法律依据)"),
  list("bullet", [
    "**联系您并提供备案咨询**:处理您在咨询表单中提交的信息,以及随表单记录的来源页面、" +
      "来源网站和广告活动参数(后者仅用于统计各推广渠道带来的咨询数量)," +
      `依据是您的同意(${PIPL}第十三条第一款第一项)。`,
    "**办理您委托的备案**:处理订单信息、与您沟通、按备案要求提交材料、通知办理进度并提供" +
      "订单查询,是订立和履行您所请求的服务合同所必需(第十三条第一款第二项)。",
    "**保障安全**:使用IP地址进行频率限制、防止恶意和批量提交,并按照《网络安全法》" +
      "第二十一条留存网络日志,是履行法定义务所必需(第十三条第一款第三项)。",
  ]),
  "我们不会将您的个人信息用于上述目的以外的用途,不会利用其进行自动化决策,也不会出售您的个人信息。" +
    "确需超出上述范围处理的,我们会事先告知您并重新取得您的同意。",

  heading("h2", "谁会收到您的信息"),
  list("bullet", [
    "**我们的销售和备案专员**:只有负责跟进咨询和办理备案的员工可以查看您的信息," +
      "负责网站内容编辑的人员无权查看。",
    "**合作伙伴(云服务商)**:当您通过合作伙伴网站上的表单或组件提交信息时," +
      "表单中注明的该合作伙伴也会收到您提交的全部信息(姓名、手机号及您填写的其他信息)," +
      "用于与您联系并协同为您提供备案及相关云服务。这需要您在表单上另行勾选单独同意" +
      `(${PIPL}第二十三条);您不同意的,可以改在本网站直接提交。合作伙伴作为独立的个人信息` +
      "处理者,按照其隐私政策处理您的信息。",
    "**邮件服务商**:我们委托邮件服务商代为发送新咨询、新订单提醒邮件和发给您的通知邮件。" +
      "我们与其约定处理目的、方式和保护措施,其只能按我们的指示处理您的信息," +
      "不得用于其他目的(第二十一条)。",
    "**小程序平台和备案主管部门**:仅当您下单办理备案时,我们才会按备案要求将备案信息提交" +
      "微信小程序平台审核,并经其报送您所在省份的通信管理局" +
      "([工业和信息化部备案管理系统](https://beian.miit.gov.cn/));" +
      "您委托我们协助办理公安备案的,相关信息还会提交公安机关的备案系统。" +
      "我们只提交备案本身所要求的信息。",
  ]),
  "除上述情形以及法律法规规定、有权机关依法要求外,我们不会向任何其他第三方提供您的个人信息。" +
    "因合并、分立、解散等原因需要转移个人信息的,我们会告知您接收方的名称和联系方式," +
    "并要求接收方继续履行本政策规定的义务(第二十二条)。",

  heading("h2", "保存期限"),
  list("bullet", [
    "**未转为订单的咨询**:自最后一次与您联系之日起保存12个月,期满后删除或匿名化处理。",
    "**备案订单**:在服务期间保存;服务结束(备案完成,或订单取消、驳回后不再办理)后继续保存" +
      "3年,用于售后服务、协助备案变更或注销以及处理可能的争议,期满后删除或匿名化处理。" +
      "法律法规对付款、发票等记录的保存期限另有规定的,按其规定执行。",
    "**技术信息**:来源页面地址、来源网站和广告活动参数随所属的咨询或订单一并保存和删除;" +
      "用于频率限制的IP地址计数在限制时间窗口结束后即失效;网络日志中的IP地址按照" +
      "《网络安全法》的要求保存6个月后删除。",
  ]),
  "您要求删除或撤回同意的,我们会提前删除相应信息;法律法规规定的保存期限未届满," +
    "或删除在技术上难以实现的,我们将停止除存储和采取必要的安全保护措施之外的处理(第四十七条)。",

  heading("h2", "您的权利"),
  `根据${PIPL}第四十四条至第四十八条,您对自己的个人信息享有以下权利:`,
  list("bullet", [
    "**知情、决定**:了解我们如何处理您的信息,并有权限制或者拒绝我们的处理(第四十四条);",
    "**查阅、复制**:查阅您的信息并获取副本(第四十五条);",
    "**转移**:符合国家网信部门规定条件的,请求将您的信息转移至您指定的个人信息处理者" +
      "(第四十五条);",
    "**更正、补充**:发现信息不准确或者不完整时,请求更正、补充(第四十六条);",
    "**删除**:处理目的已实现或不再必要、您撤回同意、我们停止提供服务或保存期限届满等情形下," +
      "请求删除(第四十七条);",
    "**撤回同意**:随时撤回您的同意,包括向合作伙伴提供信息的单独同意;撤回同意不影响撤回前" +
      "基于您的同意已进行的处理(第十五条);",
    "**解释说明**:请求我们对个人信息处理规则进行解释说明(第四十八条);",
    "**账户**:本网站不为访客开设账户,订单查询只需订单号和手机号,因此无需注销账户;" +
      "如需清除您的记录,请提出删除请求。",
  ]),
  `**如何行使**:请拨打咨询热线 ${HOTLINE} 或发送邮件至 ${EMAIL}。为保护您的信息安全,` +
    "我们可能先核实您的身份(例如通过您提交的手机号确认)。我们将在收到请求后15个工作日内答复;" +
    "拒绝您的请求的,会说明理由(第五十条)。",
  "撤回对合作伙伴的单独同意后,我们将不再向该合作伙伴提供您的信息;对合作伙伴已经收到的信息," +
    "您可以直接向合作伙伴提出请求,也可以联系我们协助转达。",
  "如您认为我们的处理侵害了您的个人信息权益,可以向网信部门等履行个人信息保护职责的部门投诉、" +
    "举报;我们拒绝您行使权利的请求的,您可以依法向人民法院提起诉讼。",

  heading("h2", "未成年人"),
  "我们的服务面向成年人以及企业、个体工商户、政府机关和社会组织等组织。不满十八周岁的未成年人" +
    "请在监护人的陪同和同意下使用。我们不会在知情的情况下收集不满十四周岁未成年人的个人信息;" +
    "发现误收集的,我们会尽快删除。如您是监护人,认为我们处理了您所监护的未成年人的信息," +
    "请联系我们。",

  heading("h2", "信息安全"),
  list("bullet", [
    "网站和组件与服务器之间的数据传输全部使用 HTTPS(TLS)加密;",
    "按角色限制访问:只有负责跟进咨询和办理订单的销售人员及管理员可以查看咨询和订单信息;",
    "对系统访问和操作记录日志,以便发现和追查异常访问;",
    "发生或者可能发生个人信息泄露、篡改、丢失的,我们会立即采取补救措施," +
      "并依法通知履行个人信息保护职责的部门和您(第五十七条)。",
  ]),

  heading("h2", "跨境"),
  "您的个人信息存储在中华人民共和国境内的服务器上,我们不向境外提供您的个人信息。" +
    "如将来确需向境外提供,我们会事先告知境外接收方的名称、联系方式、处理目的、处理方式和" +
    "个人信息的种类,取得您的单独同意,并依法履行安全评估、标准合同或认证等程序" +
    "(第三十八条、第三十九条)。",

  heading("h2", "政策更新"),
  "我们可能因法律法规变化或服务调整而更新本政策。更新后的政策将在本页面发布,并注明新的生效日期。" +
    "更新涉及处理目的、处理方式、个人信息种类或接收方等重要变化的,我们会在本网站和表单旁" +
    "以显著方式提示;需要取得您同意的,我们会重新征得您的同意。",
);

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/** Keyed by slug so that a missing, duplicate or unknown page is a compile error. */
const PAGES: Record<TPageSlug, Omit<TSeed<TPage>, "slug">> = {
  guide: {
    title: "备案指引",
    description:
      "小程序ICP备案全流程指引:什么是备案、备案前准备、办理步骤、各环节审核要点及备案成功后的注意事项。",
    body: richText(
      "从了解什么是ICP备案、准备所需材料,到提交办理、通过各环节审核以及备案成功后的注意事项," +
        "本指引带您一步步完成小程序备案。",
    ),
  },
  faq: {
    title: "常见问题",
    description:
      "小程序备案常见问题:微信官方审核驳回的常见原因,以及真实性核验视频未通过的原因与解决办法。",
    body: richText(
      "这里整理了小程序备案中最常遇到的审核驳回和真实性核验问题。没有找到您的问题?" +
        `欢迎拨打咨询热线 **${HOTLINE}**,备案专员为您解答。`,
    ),
  },
  cases: {
    title: "客户案例",
    description:
      "小程序备案中心客户案例:个人、个体户和企业小程序备案,覆盖多个行业,可按行业和备案类型筛选。",
    body: richText(
      "小程序备案中心已备案成功1000+客户,涵盖个人、个体户和企业等各类备案主体。" +
        "以下是部分客户案例,您可以按行业或备案类型筛选查看。",
    ),
  },
  privacy: {
    title: "隐私政策",
    description:
      "小程序备案中心如何收集、使用、提供、保存和保护您通过本网站及办理组件提交的个人信息,以及您的权利。",
    body: privacyBody,
    updatedNote: "生效日期:2026年11月27日",
  },
  thanks: {
    title: "提交成功",
    description: "您的信息已提交成功,备案专员将在1个工作日内与您联系。",
    body: richText(
      "感谢您的信任!我们已收到您提交的信息。",
      "备案专员将在1个工作日内与您电话联系,请保持电话畅通并注意接听来电。",
      `如有紧急需求,请直接拨打咨询热线 **${HOTLINE}**。`,
    ),
  },
  track: {
    title: "订单查询",
    description: "输入订单号和下单手机号,查看备案进度和当前阶段的截止时间。",
    body: richText(
      "输入下单时获得的订单号和下单手机号,即可查看备案订单当前所处的阶段。",
      `如对进度有疑问,请拨打咨询热线 **${HOTLINE}**。`,
    ),
  },
  "not-found": {
    title: "页面不存在",
    description: "您访问的页面不存在或已被移动。",
    body: richText("您访问的页面不存在或已被移动。您可以返回首页,或查看备案指引和常见问题。"),
  },
};

export const pages: TSeed<TPage>[] = Object.entries(PAGES).map(([slug, page]) => ({
  slug: slug as TPageSlug,
  ...page,
}));

// ---------------------------------------------------------------------------------------------
// Site settings: main navigation and interface labels
// ---------------------------------------------------------------------------------------------

export const navigation: TNavigationLink[] = [
  { label: "首页", href: "/" },
  { label: "备案指引", href: "/guide/" },
  { label: "常见问题", href: "/faq/" },
  { label: "客户案例", href: "/cases/" },
];

export const labels: TSiteLabels = {
  skipToContent: "跳到正文",
  mainNavigation: "主导航",
  hotline: "咨询热线",
  serviceHours: "服务时间",
  filterAll: "全部",
  filterByIndustry: "按行业",
  filterByFilingType: "按备案类型",
  noMatches: "没有符合条件的案例",
  audience: "适用对象",
  sellingPoints: "服务亮点",
  materials: "所需材料",
  stages: "办理流程",
  order: "在线办理",
  orderIntro: "留下您的联系方式和小程序信息,备案专员将在1个工作日内与您联系。",
  readGuide: "查看完整备案指引",
  allFaqs: "查看全部常见问题",
  allCases: "查看全部案例",
  backHome: "返回首页",
  privacy: "隐私政策",
  duration: "通常耗时",
  industry: "行业",
  filingType: "备案类型",
  price: "价格",
  trackOrderNo: "订单号",
  trackPhone: "下单手机号",
  trackSubmit: "查询进度",
  trackNotFound: "未找到该订单,请核对订单号和手机号。",
  trackDeadline: "本阶段截止",
  trackRejection: "驳回原因与修改建议",
  checklistHeading: "材料清单",
  checklistProvince: "主体所在省份",
  checklistChoose: "请选择省份",
  checklistHint: "以上为全国通用材料。选择省份,查看该省管局的额外要求和审核时限。",
  checklistReview: "审核时限:最长 {days} 个工作日",
};
