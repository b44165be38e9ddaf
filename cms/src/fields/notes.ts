/** Sales' follow-up notes on a lead or an order. */
import type { ArrayField, PayloadRequest } from "payload";
import { hasRole, nobodyField } from "../access/index.ts";
import { inLanguage } from "../lib/fieldErrors.ts";
import { relationId } from "../lib/relationId.ts";
import { chinaTime } from "./chinaTime.ts";
import { rowTitle } from "./rowTitle.ts";

type TNoteRow = { id?: string | null; text?: string | null; by?: unknown };

/**
 * Everyone's notes stay as their author wrote them: sales may add notes and edit or remove their
 * own; only an admin touches a colleague's. (The server's own writes, without a user, are free.)
 */
function requireOthersNotesUnchanged(
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
      return inLanguage(req, {
        zh: "只能修改或删除自己的跟进记录",
        en: "You can edit or remove your own notes only",
      });
    }
  }
  return true;
}

/**
 * Follow-up notes. Author and time are the server's: set on a new note (the logged-in user, now)
 * and never changed afterwards; field access drops whatever a client sends for them.
 */
export const notesField: ArrayField = {
  name: "notes",
  type: "array",
  label: { zh: "跟进记录", en: "Notes" },
  labels: { singular: { zh: "记录", en: "Note" }, plural: { zh: "记录", en: "Notes" } },
  admin: { components: { RowLabel: rowTitle("text") } },
  validate: requireOthersNotesUnchanged,
  fields: [
    { name: "text", type: "textarea", label: { zh: "内容", en: "Text" }, required: true },
    chinaTime({
      name: "at",
      type: "date",
      label: { zh: "时间", en: "At" },
      defaultValue: () => new Date().toISOString(),
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true },
    }),
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
