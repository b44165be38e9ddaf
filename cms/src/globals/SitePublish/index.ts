import type { GlobalConfig } from "payload";
import { isStaff, nobody } from "../../access/index.ts";
import { chinaTime } from "../../fields/chinaTime.ts";

export const PUBLISH_STATES = ["idle", "scheduled", "building", "succeeded", "failed"] as const;
export type TPublishState = (typeof PUBLISH_STATES)[number];

/**
 * What the live site is doing: written by the site publisher, read by staff in the admin. A failed
 * build shows here with its error while the previous site keeps serving.
 */
export const SitePublish: GlobalConfig = {
  slug: "site-publish",
  label: { zh: "网站发布状态", en: "Site publishing" },
  admin: {
    group: { zh: "系统", en: "System" },
    description: {
      zh: "发布或撤回内容后,网站会在几秒内自动重新构建。构建失败时,线上继续显示上一版网站。",
      en: "Publishing rebuilds the site within seconds. A failed build leaves the previous site live.",
    },
  },
  access: { read: isStaff, update: nobody },
  fields: [
    {
      name: "state",
      type: "select",
      label: { zh: "状态", en: "State" },
      defaultValue: "idle",
      options: [
        { value: "idle", label: { zh: "空闲", en: "Idle" } },
        { value: "scheduled", label: { zh: "等待构建", en: "Scheduled" } },
        { value: "building", label: { zh: "构建中", en: "Building" } },
        { value: "succeeded", label: { zh: "已上线", en: "Live" } },
        { value: "failed", label: { zh: "构建失败", en: "Failed" } },
      ],
      admin: { readOnly: true },
    },
    {
      name: "reason",
      type: "text",
      label: { zh: "触发原因", en: "Trigger" },
      admin: { readOnly: true },
    },
    chinaTime({
      name: "startedAt",
      type: "date",
      label: { zh: "开始时间", en: "Started" },
      admin: { readOnly: true },
    }),
    chinaTime({
      name: "finishedAt",
      type: "date",
      label: { zh: "完成时间", en: "Finished" },
      admin: { readOnly: true },
    }),
    {
      name: "durationMs",
      type: "number",
      label: { zh: "耗时(毫秒)", en: "Duration (ms)" },
      admin: { readOnly: true },
    },
    chinaTime({
      name: "lastSuccessAt",
      type: "date",
      label: { zh: "上次成功上线", en: "Last live" },
      admin: { readOnly: true },
    }),
    {
      name: "release",
      type: "text",
      label: { zh: "线上版本", en: "Live release" },
      admin: { readOnly: true },
    },
    {
      name: "error",
      type: "textarea",
      label: { zh: "错误信息", en: "Error" },
      admin: { readOnly: true },
    },
  ],
};
