/**
 * The partner and assignee columns of the leads and orders lists, rendered on the server with the
 * name already in the HTML. Payload's own relationship cell shows 加载中… and fetches each name
 * in the browser after the page has loaded; these read the few partners and staff once per
 * request (React's `cache`) and print the name at once.
 */
import type { DefaultServerCellComponentProps, Payload } from "payload";
import { cache } from "react";
import { relationId } from "../../lib/relationId.ts";

type TNames = Map<string, string>;

/** Every partner's name by id. */
const partnerNames = cache(async (payload: Payload): Promise<TNames> => {
  const { docs } = await payload.find({
    collection: "partners",
    pagination: false,
    depth: 0,
    select: { name: true, key: true },
  });
  return new Map(docs.map((doc) => [String(doc.id), doc.name]));
});

/** Sales and admins by id: who can be an assignee (`fields/assignee.ts`), named as in the admin. */
const staffNames = cache(async (payload: Payload): Promise<TNames> => {
  const { docs } = await payload.find({
    collection: "users",
    pagination: false,
    depth: 0,
    where: { role: { in: ["sales", "admin"] } },
    select: { name: true, email: true },
  });
  return new Map(docs.map((doc) => [String(doc.id), doc.name || doc.email]));
});

/** The name, or nothing when the field is empty; an unknown id (deleted) shows as its number. */
function NameCell({ names, value }: { names: TNames; value: unknown }) {
  const id = relationId(value);
  if (id === null) return null;
  return <span>{names.get(String(id)) ?? `#${id}`}</span>;
}

export async function PartnerCell({ cellData, payload }: DefaultServerCellComponentProps) {
  return <NameCell names={await partnerNames(payload)} value={cellData} />;
}

export async function AssigneeCell({ cellData, payload }: DefaultServerCellComponentProps) {
  return <NameCell names={await staffNames(payload)} value={cellData} />;
}
