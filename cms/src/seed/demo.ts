/**
 * INVENTED DEMO DATA: not the client's content. The copy has no cases or partners, so the seed
 * creates these (marked `demo: true`) to fill the page. Every name is made up; links and
 * websites use example.com. Replace or delete them before launch.
 */

import type { Case } from "../payload-types.ts";

export type TDemoCase = {
  name: string;
  introduction: string;
  industry: Case["industry"];
  filingType: "personal" | "individual-business" | "enterprise";
  miniProgramLink: string;
  featured: boolean;
  order: number;
  logo: { initials: string; background: string /* #RRGGBB */ };
};

export const demoCases: TDemoCase[] = [
  {
    name: "街角咖啡点单",
    introduction: "社区咖啡小店的线上点单小程序,到店自取免排队,会员积分随单累计。",
    industry: "catering",
    filingType: "individual-business",
    miniProgramLink: "https://example.com/mp/jiejiao-coffee",
    featured: true,
    order: 10,
    logo: { initials: "街角", background: "#8B5E3C" },
  },
  {
    name: "小满社区团购",
    introduction: "面向小区居民的生鲜团购平台,当日下单、次日到自提点取货。",
    industry: "retail",
    filingType: "enterprise",
    miniProgramLink: "https://example.com/mp/xiaoman-tuangou",
    featured: true,
    order: 20,
    logo: { initials: "小满", background: "#E4572E" },
  },
  {
    name: "青禾托管课堂",
    introduction: "课后托管机构的家校沟通小程序,家长可查看到离校记录和作业辅导反馈。",
    industry: "education",
    filingType: "individual-business",
    miniProgramLink: "https://example.com/mp/qinghe-tuoguan",
    featured: true,
    order: 30,
    logo: { initials: "青禾", background: "#3A9D5D" },
  },
  {
    name: "禾苗记账本",
    introduction: "个人开发的极简记账工具,按月统计收支,数据只保存在自己的账号里。",
    industry: "tools",
    filingType: "personal",
    miniProgramLink: "https://example.com/mp/hemiao-jizhang",
    featured: true,
    order: 40,
    logo: { initials: "禾", background: "#6BA368" },
  },
  {
    name: "禾悦口腔预约",
    introduction: "连锁口腔诊所的在线预约小程序,可选择门店、医生和就诊时段。",
    industry: "health",
    filingType: "enterprise",
    miniProgramLink: "https://example.com/mp/heyue-dental",
    featured: true,
    order: 50,
    logo: { initials: "禾悦", background: "#2E86AB" },
  },
  {
    name: "溪畔古镇导览",
    introduction: "古镇景区的语音导览与线上购票小程序,游客扫码即可收听景点讲解。",
    industry: "travel",
    filingType: "enterprise",
    miniProgramLink: "https://example.com/mp/xipan-guzhen",
    featured: true,
    order: 60,
    logo: { initials: "溪畔", background: "#1B998B" },
  },
  {
    name: "山间读书笔记",
    introduction: "一位读书爱好者的个人博客小程序,记录每月读过的书和摘抄。",
    industry: "other",
    filingType: "personal",
    miniProgramLink: "https://example.com/mp/shanjian-reading",
    featured: false,
    order: 70,
    logo: { initials: "山", background: "#5C6B73" },
  },
  {
    name: "邻里家政到家",
    introduction: "家政服务门店的预约小程序,提供日常保洁、家电清洗等上门服务。",
    industry: "local-services",
    filingType: "individual-business",
    miniProgramLink: "https://example.com/mp/linli-jiazheng",
    featured: false,
    order: 80,
    logo: { initials: "邻里", background: "#F4A259" },
  },
  {
    name: "暖阳志愿服务站",
    introduction: "社区志愿者组织的活动报名小程序,发布志愿活动并记录服务时长。",
    industry: "public",
    filingType: "enterprise",
    miniProgramLink: "https://example.com/mp/nuanyang-volunteer",
    featured: false,
    order: 90,
    logo: { initials: "暖阳", background: "#D1495B" },
  },
  {
    name: "半山专注计时",
    introduction: "个人开发的番茄钟工具,帮助用户分段专注并统计每日专注时长。",
    industry: "tools",
    filingType: "personal",
    miniProgramLink: "https://example.com/mp/banshan-focus",
    featured: false,
    order: 100,
    logo: { initials: "半山", background: "#7B2CBF" },
  },
  {
    name: "老城面馆排队",
    introduction: "老城区面馆的线上取号小程序,到号前微信提醒,减少门口等位。",
    industry: "catering",
    filingType: "individual-business",
    miniProgramLink: "https://example.com/mp/laocheng-noodles",
    featured: false,
    order: 110,
    logo: { initials: "老城", background: "#C1121F" },
  },
  {
    name: "花间鲜花小铺",
    introduction: "街边花店的线上商城,支持预订花束和同城配送。",
    industry: "retail",
    filingType: "individual-business",
    miniProgramLink: "https://example.com/mp/huajian-flowers",
    featured: false,
    order: 120,
    logo: { initials: "花间", background: "#E56B9F" },
  },
];

export type TDemoPartner = {
  key: string;
  name: string;
  website: string;
  showInStrip: boolean;
  active: boolean;
  allowedOrigins: string[];
  themeColor: string;
  order: number;
  logo: { initials: string; background: string };
};

/** Invented cloud providers; `haitang` is inactive and hidden, to test a refused widget. */
export const demoPartners: TDemoPartner[] = [
  {
    key: "yunfan",
    name: "云帆云",
    website: "https://yunfan.example.com",
    showInStrip: true,
    active: true,
    allowedOrigins: ["https://yunfan.example.com"],
    themeColor: "#1F6FEB",
    order: 10,
    logo: { initials: "云帆", background: "#1F6FEB" },
  },
  {
    key: "qingshan",
    name: "青山云计算",
    website: "https://qingshan.example.com",
    showInStrip: true,
    active: true,
    allowedOrigins: ["https://qingshan.example.com"],
    themeColor: "#2DA44E",
    order: 20,
    logo: { initials: "青山", background: "#2DA44E" },
  },
  {
    key: "xinghe",
    name: "星河智算",
    website: "https://xinghe.example.com",
    showInStrip: true,
    active: true,
    allowedOrigins: ["https://xinghe.example.com"],
    themeColor: "#6639BA",
    order: 30,
    logo: { initials: "星河", background: "#6639BA" },
  },
  {
    key: "bailu",
    name: "白鹭云",
    website: "https://bailu.example.com",
    showInStrip: true,
    active: true,
    allowedOrigins: ["https://bailu.example.com"],
    themeColor: "#0A7EA4",
    order: 40,
    logo: { initials: "白鹭", background: "#0A7EA4" },
  },
  {
    key: "chenxi",
    name: "晨曦云服务",
    website: "https://chenxi.example.com",
    showInStrip: true,
    active: true,
    allowedOrigins: ["https://chenxi.example.com"],
    themeColor: "#E36209",
    order: 50,
    logo: { initials: "晨曦", background: "#E36209" },
  },
  {
    key: "haitang",
    name: "海棠云计算",
    website: "https://haitang.example.com",
    showInStrip: false,
    active: false,
    allowedOrigins: ["https://haitang.example.com"],
    themeColor: "#BF3989",
    order: 60,
    logo: { initials: "海棠", background: "#BF3989" },
  },
];
