import type { TextField } from "payload";

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
        zh: "网址中的 #锚点,只用小写字母、数字和连字符,如 what-is-icp",
        en: "The #anchor in links: lowercase letters, digits and hyphens, e.g. what-is-icp",
      },
    },
    validate: (value: unknown) =>
      typeof value === "string" && ANCHOR.test(value)
        ? true
        : "只能使用小写字母、数字和连字符 / lowercase letters, digits and hyphens only",
    ...overrides,
  }) as TextField;
