import type { CollectionConfig } from "payload";
import { isAdmin, isSalesOrAdminNotAsFile, nobody, nobodyField } from "../../access/index.ts";
import { optionsOf } from "../../admin/labels.ts";
import type { TEnv } from "../../env.ts";
import { chinaTime } from "../../fields/chinaTime.ts";
import {
  DOCUMENT_REJECTION_LABELS,
  DOCUMENT_REJECTION_REASONS,
  MATERIAL_STATUS_LABELS,
  REVIEWED_STATUSES,
} from "../../materials/review.ts";
import { materialStaffEndpoints } from "../../materials/staffEndpoints.ts";

/** Written by the server only (uploads and reviews go through src/materials/'s endpoints). */
const serverOnly = { access: { create: nobodyField, update: nobodyField } } as const;

/**
 * Customers' documents (ID cards, licences…), one per checklist slot of an order: the newest
 * upload replaces the one before. The stored file is ciphertext under a random name
 * (src/materials/encryption.ts) in MATERIALS_DIR or the S3 store, never a public URL: Payload's own
 * file route is refused (`isSalesOrAdminNotAsFile`); the customer reads a document through
 * /api/public/customer/materials/{id}, staff through the order's 客户材料 (each view recorded).
 */
export const materialsCollection = (env: TEnv): CollectionConfig => ({
  slug: "materials",
  labels: {
    singular: { zh: "客户材料", en: "Customer document" },
    plural: { zh: "客户材料", en: "Customer documents" },
  },
  admin: {
    group: { zh: "销售", en: "Sales" },
    // Sales review documents in their order (客户材料), not in a list of their own.
    hidden: true,
    useAsTitle: "item",
  },
  access: {
    read: isSalesOrAdminNotAsFile,
    create: nobody,
    update: nobody,
    delete: isAdmin,
  },
  endpoints: materialStaffEndpoints(env),
  upload: {
    staticDir: env.MATERIALS_DIR,
    // The stored bytes are sealed (application/octet-stream); no thumbnails, no crops.
    crop: false,
    focalPoint: false,
    hideFileInputOnCreate: true,
    hideRemoveFile: true,
  },
  fields: [
    {
      name: "order",
      type: "relationship",
      relationTo: "orders",
      label: { zh: "订单", en: "Order" },
      required: true,
      index: true,
      ...serverOnly,
    },
    {
      name: "item",
      type: "text",
      label: { zh: "材料", en: "Item" },
      required: true,
      ...serverOnly,
    },
    {
      name: "status",
      type: "select",
      label: { zh: "审核状态", en: "Review" },
      required: true,
      defaultValue: "uploaded",
      index: true,
      options: optionsOf(MATERIAL_STATUS_LABELS, ["uploaded", ...REVIEWED_STATUSES]),
      ...serverOnly,
    },
    {
      name: "contentType",
      type: "select",
      label: { zh: "文件类型", en: "File type" },
      required: true,
      options: [
        { value: "image/jpeg", label: "JPEG" },
        { value: "image/png", label: "PNG" },
        { value: "application/pdf", label: "PDF" },
      ],
      ...serverOnly,
    },
    {
      name: "keyId",
      type: "text",
      label: { zh: "加密密钥编号", en: "Key id" },
      index: true,
      ...serverOnly,
    },
    {
      name: "rejectionReason",
      type: "select",
      label: { zh: "驳回原因", en: "Rejection reason" },
      options: optionsOf(DOCUMENT_REJECTION_LABELS, DOCUMENT_REJECTION_REASONS),
      ...serverOnly,
    },
    { name: "reviewNote", type: "textarea", label: { zh: "说明", en: "Note" }, ...serverOnly },
    {
      name: "reviewedBy",
      type: "relationship",
      relationTo: "users",
      label: { zh: "审核人", en: "Reviewed by" },
      ...serverOnly,
    },
    chinaTime({
      name: "reviewedAt",
      type: "date",
      label: { zh: "审核时间", en: "Reviewed at" },
      ...serverOnly,
    }),
  ],
});
