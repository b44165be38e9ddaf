import type { CollectionConfig } from "payload";
import { isAdmin, isSalesOrAdmin, nobody } from "../../access/index.ts";
import { chinaTime } from "../../fields/chinaTime.ts";
import { endSessions } from "./hooks/endSessions.ts";

/**
 * The customer center's accounts (CONTRACT §7): one per mobile phone, created the first time the
 * phone signs in with a code. Not staff: no password, never `/admin`; an account's orders are the
 * orders whose contact phone is its phone, however they were created (widget, conversion, import).
 * Written by the sign-in endpoint only; sales read who has signed in, admins may delete.
 */
export const Customers: CollectionConfig = {
  slug: "customers",
  lockDocuments: false,
  labels: {
    singular: { zh: "客户账号", en: "Customer" },
    plural: { zh: "客户账号", en: "Customers" },
  },
  admin: {
    useAsTitle: "phone",
    defaultColumns: ["phone", "lastSignedInAt", "createdAt"],
    listSearchableFields: ["phone"],
    group: { zh: "销售", en: "Sales" },
    description: {
      zh: "在「小程序备案中心」用手机验证码登录过的客户。客户的订单是联系人手机号与账号相同的订单。",
      en: "Customers who have signed in to the customer center by SMS code. Their orders are those whose contact phone is theirs.",
    },
  },
  defaultSort: "-lastSignedInAt",
  access: { read: isSalesOrAdmin, create: nobody, update: nobody, delete: isAdmin },
  hooks: { beforeDelete: [endSessions] },
  fields: [
    {
      name: "phone",
      type: "text",
      label: { zh: "手机号", en: "Phone" },
      required: true,
      unique: true,
      index: true,
    },
    chinaTime({
      name: "lastSignedInAt",
      type: "date",
      label: { zh: "最近登录", en: "Last signed in" },
    }),
  ],
};
