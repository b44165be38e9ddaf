import type { Field } from "payload";

/** Who works a lead or an order: a salesperson or an admin. */
export const assigneeField: Field = {
  name: "assignee",
  type: "relationship",
  relationTo: "users",
  label: { zh: "负责人", en: "Assignee" },
  index: true,
  filterOptions: { role: { in: ["sales", "admin"] } },
  admin: { position: "sidebar" },
};
