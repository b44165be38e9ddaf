import type { CollectionConfig } from "payload";
import { isAdmin, nobody } from "../../access/index.ts";
import { chinaTime } from "../../fields/chinaTime.ts";

/**
 * Who on the staff opened or downloaded which customer document, and when (PIPL: sensitive
 * personal information is handled by named people, on record). Written by the document endpoint
 * only, read by admins, never edited; a row outlives its document (the names are copied in).
 */
export const MaterialViews: CollectionConfig = {
  slug: "material-views",
  labels: {
    singular: { zh: "材料查看记录", en: "Document access" },
    plural: { zh: "材料查看记录", en: "Document access log" },
  },
  admin: {
    group: { zh: "系统", en: "System" },
    defaultColumns: ["at", "userEmail", "action", "orderNo", "item"],
    useAsTitle: "item",
  },
  defaultSort: "-at",
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    chinaTime({
      name: "at",
      type: "date",
      label: { zh: "时间", en: "When" },
      required: true,
      index: true,
    }),
    {
      name: "user",
      type: "relationship",
      relationTo: "users",
      label: { zh: "员工", en: "Staff member" },
      index: true,
    },
    { name: "userEmail", type: "text", label: { zh: "员工邮箱", en: "Staff email" } },
    {
      name: "action",
      type: "select",
      label: { zh: "操作", en: "Action" },
      required: true,
      options: [
        { value: "view", label: { zh: "查看", en: "Viewed" } },
        { value: "download", label: { zh: "下载", en: "Downloaded" } },
      ],
    },
    {
      name: "material",
      type: "relationship",
      relationTo: "materials",
      label: { zh: "材料", en: "Document" },
    },
    { name: "orderNo", type: "text", label: { zh: "订单号", en: "Order no." }, index: true },
    { name: "item", type: "text", label: { zh: "材料名称", en: "Item" } },
  ],
};
