import type { Field, RelationshipFieldSingleValidation } from "payload";
import { roleOf } from "../access/roles.ts";
import { relationId } from "../lib/relationId.ts";

/** Only a salesperson or an admin works a lead or an order. */
const ASSIGNABLE_ROLES = ["sales", "admin"];

/**
 * Refuses an assignee who is not sales or an admin (an editor, a deleted account), whoever sends
 * it — the admin, the REST API's bulk update or the Local API — with a message staff can read.
 */
export const validateAssignee: RelationshipFieldSingleValidation = async (
  value,
  { req, event },
) => {
  const id = relationId(value);
  // Typing in the form checks nothing yet: the save does.
  if (id === null || event === "onChange") return true;
  const user = await req.payload.findByID({
    collection: "users",
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  });
  if (user && ASSIGNABLE_ROLES.includes(roleOf(user) ?? "")) return true;
  return req.i18n?.language === "en"
    ? "The assignee must be a salesperson or an admin"
    : "负责人须为销售或管理员";
};

/** Who works a lead or an order: a salesperson or an admin. */
export const assigneeField: Field = {
  name: "assignee",
  type: "relationship",
  relationTo: "users",
  label: { zh: "负责人", en: "Assignee" },
  index: true,
  filterOptions: { role: { in: ASSIGNABLE_ROLES } },
  validate: validateAssignee,
  admin: {
    position: "sidebar",
    // 分配给我 under the field: one click, saved at once.
    components: {
      afterInput: ["/admin/AssignToMe/index.tsx#AssignToMe"],
      // The name in the list at once, not 加载中… first.
      Cell: "/admin/NameCells/index.tsx#AssigneeCell",
    },
  },
};
