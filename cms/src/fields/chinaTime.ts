import type { DateField } from "payload";

/** `admin.dateFormat` in config.ts: what Payload's own date displays use. */
export const CHINA_DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm";

/**
 * A date the server sets, shown as text in China time on the document (`admin/ChinaTime`); list
 * cells use Payload's date cell, which reads China time too (patches/README.md). Apply to a date
 * field nobody edits by hand: `chinaTime({ name, type: "date", label, … })`.
 */
export function chinaTime<T extends DateField>(field: T): T {
  return {
    ...field,
    admin: {
      ...field.admin,
      date: {
        pickerAppearance: "dayAndTime",
        displayFormat: CHINA_DATE_TIME_FORMAT,
        ...field.admin?.date,
      },
      components: {
        ...field.admin?.components,
        Field: "/admin/ChinaTime/index.tsx#ChinaTimeField",
      },
    },
  };
}
