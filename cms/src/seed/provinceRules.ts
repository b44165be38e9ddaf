/**
 * Province rules as publicly documented by the provincial administrations and the major cloud
 * providers' filing guides (see the issue on filing orders). Editors keep them current in the CMS.
 */
import type { ProvinceRule } from "../payload-types.ts";
import type { TSeed } from "./content.ts";

const LOCAL_ID_ONLY = "本省管局仅接受本省身份证:个人备案须使用本省户籍的身份证。";
const SAME_CITY = "备案地址须与身份证地址在同一地级市。";

export const provinceRules: TSeed<ProvinceRule>[] = [
  {
    province: "all",
    notes: [
      {
        filingTypes: ["enterprise"],
        text: "企业只能在营业执照登记地所在省份备案,不能跨省备案。",
      },
    ],
  },
  {
    province: "zhejiang",
    reviewMaxWorkingDays: 30,
    notes: [
      {
        filingTypes: ["individual-business"],
        text: "浙江管局将个体工商户按企业主体备案:请按企业备案准备营业执照及负责人材料。",
      },
      {
        filingTypes: ["personal", "individual-business", "enterprise"],
        text: "浙江管局审核最长 30 个工作日。",
      },
    ],
  },
  {
    province: "anhui",
    notes: [
      {
        filingTypes: ["individual-business"],
        text: "安徽管局将个体工商户按企业主体备案:请按企业备案准备营业执照及负责人材料。",
      },
    ],
  },
  {
    province: "shanghai",
    notes: [
      {
        filingTypes: ["personal"],
        text: "上海管局要求非上海户籍的个人提供上海居住证。",
      },
    ],
  },
  ...(["inner-mongolia", "shanxi", "xinjiang", "qinghai"] as const).map((province) => ({
    province,
    notes: [{ filingTypes: ["personal" as const], text: LOCAL_ID_ONLY }],
  })),
  ...(["hebei", "henan", "guizhou"] as const).map((province) => ({
    province,
    notes: [{ filingTypes: ["personal" as const], text: SAME_CITY }],
  })),
];
