import type { PayloadRequest, TextField } from "payload";
import { inLanguage } from "../lib/fieldErrors.ts";

const ANCHOR = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A stable, URL-safe id for `#anchor` links on the site (Chinese titles make poor anchors). */
export const anchorField = (overrides: Partial<TextField> = {}): TextField =>
  ({
    name: "anchor",
    type: "text",
    label: { zh: "锚点", en: "Anchor" },
    required: true,
    unique: true,
    index: true,
    admin: {
      position: "sidebar",
      description: {
        zh: "网址中 # 后的锚点(如 /faq/#what-is-icp),只用小写字母、数字和连字符",
        en: "The #anchor in links (as in /faq/#what-is-icp): lowercase letters, digits and hyphens",
      },
    },
    validate: (value: unknown, { req }: { req: PayloadRequest }) =>
      typeof value === "string" && ANCHOR.test(value)
        ? true
        : inLanguage(req, {
            zh: "只能使用小写字母、数字和连字符",
            en: "Lowercase letters, digits and hyphens only",
          }),
    ...overrides,
  }) as TextField;
