import type { NumberField } from "payload";

/** Display order: lower first. Every list the site shows is sorted by it. */
export const orderField = (overrides: Partial<NumberField> = {}): NumberField =>
  ({
    name: "order",
    type: "number",
    label: { zh: "排序", en: "Order" },
    defaultValue: 100,
    index: true,
    admin: { position: "sidebar", description: { zh: "数字越小越靠前", en: "Lower comes first" } },
    ...overrides,
  }) as NumberField;
