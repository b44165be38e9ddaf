/**
 * Fields that leads and orders share: who works the record, their notes, where it came from and
 * what the prospect consented to. Field names follow the public payloads (CONTRACT §3).
 */
import type { Field, PayloadRequest } from "payload";
import { hasRole, nobodyField } from "../access/index.ts";
import { relationId } from "../lib/relationId.ts";

/** What the prospect sent and consented to is evidence: nobody edits it after the fact. */
const neverEdited = nobodyField;
export const evidence = { access: { update: neverEdited }, admin: { readOnly: true } } as const;

export const assigneeField: Field = {
  name: "assignee",
  type: "relationship",
  relationTo: "users",
  label: { zh: "负责人", en: "Assignee" },
  index: true,
  filterOptions: { role: { in: ["sales", "admin"] } },
  admin: { position: "sidebar" },
};

export const partnerField: Field = {
  name: "partner",
  type: "relationship",
  relationTo: "partners",
  label: { zh: "来源合作伙伴", en: "Partner" },
  index: true,
  access: evidence.access,
  admin: { position: "sidebar", readOnly: true },
};

type TNoteRow = { id?: string | null; text?: string | null; by?: unknown };

/**
 * Everyone's notes stay as their author wrote them: sales may add notes and edit or remove their
 * own; only an admin touches a colleague's. (The server's own writes, without a user, are free.)
 */
function othersNotesUnchanged(
  value: unknown,
  { previousValue, req }: { previousValue?: unknown; req: PayloadRequest },
): string | true {
  const user = req.user;
  if (!user || hasRole(req, "admin")) return true;
  const now = new Map(
    (Array.isArray(value) ? (value as TNoteRow[]) : []).map((row) => [row.id, row]),
  );
  for (const note of Array.isArray(previousValue) ? (previousValue as TNoteRow[]) : []) {
    if (String(relationId(note.by)) === String(user.id)) continue;
    const kept = now.get(note.id);
    if (!kept || kept.text !== note.text) {
      return "只能修改或删除自己的跟进记录 / You can edit or remove your own notes only";
    }
  }
  return true;
}

/**
 * Follow-up notes. Author and time are the server's: set on a new note (the logged-in user, now)
 * and never changed afterwards; field access drops whatever a client sends for them.
 */
export const notesField: Field = {
  name: "notes",
  type: "array",
  label: { zh: "跟进记录", en: "Notes" },
  labels: { singular: { zh: "记录", en: "Note" }, plural: { zh: "记录", en: "Notes" } },
  validate: othersNotesUnchanged as never,
  fields: [
    { name: "text", type: "textarea", label: { zh: "内容", en: "Text" }, required: true },
    {
      name: "at",
      type: "date",
      label: { zh: "时间", en: "At" },
      defaultValue: () => new Date().toISOString(),
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true, date: { pickerAppearance: "dayAndTime" } },
    },
    {
      name: "by",
      type: "relationship",
      relationTo: "users",
      label: { zh: "记录人", en: "By" },
      defaultValue: ({ user }: { user?: { id: number | string } | null }) => user?.id,
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true },
    },
  ],
};

export const sourceField: Field = {
  name: "source",
  type: "group",
  label: { zh: "来源", en: "Source" },
  ...evidence,
  fields: [
    { name: "pageUrl", type: "text", label: { zh: "页面", en: "Page" } },
    { name: "referrer", type: "text", label: { zh: "来源网站", en: "Referrer" } },
    {
      name: "utm",
      type: "group",
      label: "UTM",
      fields: ["source", "medium", "campaign", "term", "content"].map((name) => ({
        name,
        type: "text" as const,
        label: name,
      })),
    },
  ],
};

export const consentRecordField: Field = {
  name: "consent",
  type: "group",
  label: { zh: "同意记录", en: "Consent record" },
  ...evidence,
  fields: [
    { name: "privacy", type: "checkbox", label: { zh: "同意隐私政策", en: "Privacy notice" } },
    { name: "privacyText", type: "textarea", label: { zh: "当时的同意文字", en: "Text shown" } },
    { name: "privacyUrl", type: "text", label: { zh: "隐私政策链接", en: "Notice URL" } },
    {
      name: "sharing",
      type: "checkbox",
      label: { zh: "同意与合作伙伴共享", en: "Sharing with partner" },
    },
    {
      name: "sharingText",
      type: "textarea",
      label: { zh: "共享同意文字", en: "Sharing text shown" },
    },
    {
      name: "at",
      type: "date",
      label: { zh: "同意时间", en: "Given at" },
      admin: { date: { pickerAppearance: "dayAndTime" } },
    },
  ],
};
