/**
 * The words of the partner's embed panel, in the admin's two languages. In the reference, `…`
 * marks code (attribute, event and code names, values), shown as such and never translated.
 */

export type TReferenceTexts = {
  heading: string;
  attributesHeading: string;
  attributeColumns: [string, string];
  attributes: Record<string, string>;
  eventsHeading: string;
  eventsIntro: string;
  eventColumns: [string, string];
  events: Record<string, string>;
  codesHeading: string;
  codeColumns: [string, string];
  codes: Record<string, string>;
  controlsHeading: string;
  controlColumns: [string, string];
  controls: Record<string, string>;
};

export type TEmbedTexts = {
  snippetsHeading: string;
  noKey: string;
  copy: string;
  copied: string;
  snippets: { script: string; iframe: string; html: string };
  preview: { heading: string; note: string; reload: string; frameTitle: string };
  reference: TReferenceTexts;
};

const zh = (cmsUrl: string): TEmbedTexts => ({
  snippetsHeading: "嵌入代码",
  noKey: "保存标识后显示嵌入代码。",
  copy: "复制",
  copied: "已复制",
  snippets: {
    script: "一行代码嵌入(推荐)",
    iframe: "iframe 嵌入",
    html: "纯 HTML 表单(不支持脚本的网站)",
  },
  preview: {
    heading: "实时预览",
    note: "访客在合作伙伴网站上看到的表单,按已保存的设置显示(保存后稍等一分钟再刷新);停用的合作伙伴不显示表单。在预览中提交会生成真实的线索或订单。",
    reload: "刷新预览",
    frameTitle: "合作伙伴表单预览",
  },
  reference: {
    heading: "开发者参考",
    attributesHeading: "脚本标签的属性",
    attributeColumns: ["属性", "说明"],
    attributes: {
      "data-partner":
        "合作伙伴标识,即本页的「标识」(上面的代码已填好);不填为 `direct`(本中心自有网站)。",
      "data-mode":
        "`floating`(默认):页面右下角显示「在线咨询」按钮,点开为对话框;`inline`:表单直接显示在页面中。",
      "data-launcher":
        "`none`:`floating` 时不显示右下角的「在线咨询」按钮,由您页面上自己的按钮调用 `BeianWidget.open()` 打开对话框(如页面底部已有固定的咨询栏)。",
      "data-target":
        "内嵌(`inline`)时放置表单的元素的选择器,如 `#beian-form`;不填则放在脚本标签之后。",
      "data-lang": "界面语言:`zh-CN`(默认)或 `en`。",
      "data-type":
        "预先选中的备案类型:`personal`(个人)、`individual-business`(个体工商户)或 `enterprise`(企业)。",
      "data-api": `接口地址,默认为本中心的接口 \`${cmsUrl}\`,一般无需填写。`,
    },
    eventsHeading: "事件",
    eventsIntro: "表单在 `document` 上派发以下事件,可用 `document.addEventListener` 监听:",
    eventColumns: ["事件", "说明"],
    events: {
      "beian:ready": "表单已显示。`detail`:`{ partner, mode }`,即合作伙伴标识和显示方式。",
      "beian:submitted":
        "提交成功。`detail`:`{ kind, reference }`;`kind` 为 `lead`(咨询)或 `order`(订单),`reference` 为咨询编号或订单号。",
      "beian:error": "出了问题。`detail`:`{ code, message }`;`code` 见下表,`message` 为说明。",
    },
    codesHeading: "错误代码",
    codeColumns: ["代码", "含义与处理"],
    codes: {
      unknown_partner:
        "标识不存在或合作伙伴已停用:核对 `data-partner`,或在本页勾选「启用」。表单不显示。",
      origin_not_allowed:
        "嵌入表单的网页不在本页「允许的来源」中:把浏览器控制台提示的源(如 `https://www.example.com`)添加到「允许的来源」。表单不显示。",
      target_not_found: "内嵌时找不到 `data-target` 指定的元素。表单不显示。",
      network_error: "连接不上本中心的接口(网络中断,或 `data-api` 有误)。",
      validation_failed: "访客填写的内容未通过检查,表单已在相应字段旁提示修改。",
      rate_limited: "同一访客提交过于频繁,表单会稍后自动重试。",
      payload_too_large: "提交的内容过大(如留言过长)。",
      internal_error:
        "本中心的服务暂时出错。表单会自动重试,未发出的内容在访客的本标签页暂存 30 分钟,其间再次打开页面时自动提交。",
    },
    controlsHeading: "脚本控制",
    controlColumns: ["方法", "说明"],
    controls: {
      "window.BeianWidget.open(options)":
        "打开表单(浮动时弹出对话框)。`options` 可省略,各项也都可省略:`form` 为 `lead`(免费咨询)或 `order`(在线下单),`type` 为备案类型,`province` 为订单的主体所在省份(如 `zhejiang`)。",
      "window.BeianWidget.close()": "关闭浮动时的对话框。",
    },
  },
});

const en = (cmsUrl: string): TEmbedTexts => ({
  snippetsHeading: "Embed code",
  noKey: "The embed code shows once the key is saved.",
  copy: "Copy",
  copied: "Copied",
  snippets: {
    script: "One-line embed (recommended)",
    iframe: "iframe embed",
    html: "Plain HTML form (for sites that allow no scripts)",
  },
  preview: {
    heading: "Live preview",
    note: "The form as visitors see it on the partner's site, with the saved settings (after saving, wait a minute and reload); an inactive partner shows no form. Submitting in the preview creates a real lead or order.",
    reload: "Reload preview",
    frameTitle: "Preview of the partner's form",
  },
  reference: {
    heading: "Developer reference",
    attributesHeading: "Attributes of the script tag",
    attributeColumns: ["Attribute", "Meaning"],
    attributes: {
      "data-partner":
        "The partner's key, this page's Key (filled in above); without it `direct` (the agency's own site).",
      "data-mode":
        "`floating` (default): a Contact us button at the bottom right opening a dialog; `inline`: the form in the page.",
      "data-launcher":
        "`none`: with `floating`, no Contact us button at the bottom right; your page's own buttons open the dialog with `BeianWidget.open()` (e.g. when the page has a fixed contact bar at the bottom).",
      "data-target":
        "Inline: the selector of the element to put the form in, e.g. `#beian-form`; by default after the script tag.",
      "data-lang": "The interface language: `zh-CN` (default) or `en`.",
      "data-type":
        "The filing type selected to begin with: `personal`, `individual-business` or `enterprise`.",
      "data-api": `The API address, by default \`${cmsUrl}\`; rarely needed.`,
    },
    eventsHeading: "Events",
    eventsIntro: "The form dispatches these events on `document` (`document.addEventListener`):",
    eventColumns: ["Event", "Meaning"],
    events: {
      "beian:ready": "The form is shown. `detail`: `{ partner, mode }`.",
      "beian:submitted":
        "Sent. `detail`: `{ kind, reference }`; `kind` is `lead` or `order`, `reference` the lead's reference or the order number.",
      "beian:error": "Something went wrong. `detail`: `{ code, message }`; the codes below.",
    },
    codesHeading: "Error codes",
    codeColumns: ["Code", "Meaning and what to do"],
    codes: {
      unknown_partner:
        "No such key, or the partner is inactive: check `data-partner`, or tick Active on this page. No form is shown.",
      origin_not_allowed:
        "The page embedding the form is not among this page's Allowed origins: add the origin the browser console names (e.g. `https://www.example.com`). No form is shown.",
      target_not_found: "Inline: no element matches `data-target`. No form is shown.",
      network_error: "Our API cannot be reached (network down, or a wrong `data-api`).",
      validation_failed:
        "The visitor's entries were refused; the form shows why next to each field.",
      rate_limited: "Too many submissions from one visitor; the form retries later.",
      payload_too_large: "The submission is too large (e.g. a very long message).",
      internal_error:
        "Our service failed. The form retries; what was not sent is kept in the visitor's tab for 30 minutes and sent when the page opens again.",
    },
    controlsHeading: "Script controls",
    controlColumns: ["Method", "Meaning"],
    controls: {
      "window.BeianWidget.open(options)":
        "Opens the form (a dialog when floating). `options` and each of its entries are optional: `form` is `lead` or `order`, `type` a filing type, `province` the order's entity province (e.g. `zhejiang`).",
      "window.BeianWidget.close()": "Closes the floating dialog.",
    },
  },
});

/** The panel's words in the admin's language (Chinese unless it is English). */
export const embedTexts = (language: string, cmsUrl: string): TEmbedTexts =>
  language === "en" ? en(cmsUrl) : zh(cmsUrl);
