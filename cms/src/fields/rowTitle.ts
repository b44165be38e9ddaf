/**
 * `admin.components.RowLabel` of an array whose rows are named by their `field` text
 * (`admin/RowTitle`): "03. 营业执照" instead of "材料 03".
 */
export function rowTitle(field: string) {
  return { path: "/admin/RowTitle/index.tsx#RowTitle", clientProps: { field } };
}
