import type { CollectionConfig, Field } from "payload";
import { isAdmin, nobody, nobodyField } from "../../access/index.ts";
import { PERSON_KINDS } from "../../erasure/person.ts";
import { eraseRequestedPerson } from "./hooks/eraseRequestedPerson.ts";
import { previewErasureEndpoint } from "./preview.ts";

export const PERSON_KIND_LABELS = {
  phone: { zh: "手机号", en: "Phone number" },
  email: { zh: "邮箱地址", en: "Email address" },
} as const;

/** Asked on the create form only (nothing to ask once the erasure is done), never stored. */
const onCreateOnly = { condition: (data: { id?: unknown }) => !data?.id } as const;
/**
 * Not stored, so nothing to list or filter by; typed in, although Payload makes virtual fields
 * read-only unless told otherwise.
 */
const askedOnly = {
  readOnly: false,
  disableListColumn: true,
  disableListFilter: true,
} as const;

/** What the erasure writes into its record; nobody sets it, nobody changes it. */
const recorded = (field: Field): Field =>
  ({
    ...field,
    access: { create: nobodyField, update: nobodyField },
    admin: { readOnly: true, ...("admin" in field ? field.admin : {}) },
  }) as Field;

const count = (name: string, zh: string, en: string): Field =>
  recorded({ name, type: "number", label: { zh, en }, defaultValue: 0 });

/**
 * Erasure on request (PIPL art. 47). Creating one is the erasure: an admin names a phone number or
 * an email address, sees how much would go (the preview, POST /api/erasures/preview), confirms,
 * and every lead, order and email of that person is deleted in the transaction that writes the
 * record (hooks/eraseRequestedPerson.ts, src/erasure/). The record keeps who, when, by phone or by
 * address, and how many of each went — not the phone number or address. Admins only; records are
 * never changed or deleted, not even by an admin.
 */
export const Erasures: CollectionConfig = {
  slug: "erasures",
  labels: {
    singular: { zh: "个人信息删除", en: "Erasure" },
    plural: { zh: "个人信息删除", en: "Erasures" },
  },
  lockDocuments: false,
  admin: {
    useAsTitle: "erasedAt",
    defaultColumns: ["erasedAt", "byEmail", "kind", "leads", "orders", "emails"],
    group: { zh: "系统", en: "System" },
    description: {
      zh: "应本人要求(《个人信息保护法》第四十七条)删除其全部个人信息:输入手机号或邮箱,核对将删除的线索、订单和邮件数量后确认。删除无法恢复。记录只保留操作人、时间和数量,不保存手机号或邮箱。",
      en: "Erase a person's data on request (PIPL art. 47): enter the phone number or email address, check how many leads, orders and emails would go, then confirm. This cannot be undone. The record keeps who, when and how many — not the phone number or address.",
    },
  },
  defaultSort: "-createdAt",
  access: { read: isAdmin, create: isAdmin, update: nobody, delete: nobody },
  hooks: { beforeChange: [eraseRequestedPerson] },
  endpoints: [previewErasureEndpoint],
  fields: [
    {
      name: "identifier",
      type: "text",
      virtual: true,
      label: { zh: "手机号或邮箱", en: "Phone number or email address" },
      admin: {
        ...onCreateOnly,
        ...askedOnly,
        description: {
          zh: "本人提供的手机号(可带 +86、空格或短横线)或邮箱地址。不会被保存。",
          en: "The person's phone number (+86, spaces and dashes allowed) or email address. Not stored.",
        },
      },
    },
    {
      name: "preview",
      type: "ui",
      label: { zh: "将要删除", en: "To be erased" },
      admin: {
        ...onCreateOnly,
        components: { Field: "/admin/ErasurePreview/index.tsx#ErasurePreview" },
      },
    },
    {
      name: "confirmed",
      type: "checkbox",
      virtual: true,
      label: {
        zh: "我已核对将要删除的数量,确认删除(无法恢复)",
        en: "I have checked what will be erased; erase it (this cannot be undone)",
      },
      admin: { ...onCreateOnly, ...askedOnly },
    },
    recorded({
      name: "erasedAt",
      type: "text",
      label: { zh: "删除时间(北京时间)", en: "Erased at (China time)" },
    }),
    recorded({
      name: "kind",
      type: "select",
      label: { zh: "依据", en: "Identified by" },
      options: PERSON_KINDS.map((kind) => ({ value: kind, label: PERSON_KIND_LABELS[kind] })),
    }),
    recorded({
      name: "by",
      type: "relationship",
      relationTo: "users",
      label: { zh: "操作人", en: "By" },
    }),
    recorded({
      name: "byEmail",
      type: "text",
      label: { zh: "操作人邮箱", en: "By (email)" },
      admin: {
        description: {
          zh: "操作人的账号即使日后删除,这里仍保留",
          en: "Kept even if the account is later removed",
        },
      },
    }),
    count("leads", "删除的线索", "Leads erased"),
    count("orders", "删除的订单", "Orders erased"),
    count("emails", "删除的邮件", "Emails erased"),
  ],
};
