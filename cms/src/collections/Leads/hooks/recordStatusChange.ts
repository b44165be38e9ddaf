import type { CollectionBeforeChangeHook } from "payload";

/** Appends who moved a lead to which status, and when; the history itself is read-only. */
export const recordStatusChange: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const from =
    operation === "create" ? null : ((originalDoc?.status as string | undefined) ?? null);
  const to = (data.status as string | undefined) ?? from ?? "new";
  if (operation === "create" || from !== to) {
    const history = Array.isArray(originalDoc?.statusHistory) ? originalDoc.statusHistory : [];
    data.statusHistory = [
      ...history,
      { from, to, by: req.user?.id ?? null, at: new Date().toISOString() },
    ];
  }
  return data;
};
