/**
 * What a rejection names: which part of the order was refused and why. Sales chooses both from
 * these lists (the 驳回… action) instead of typing them, so the customer reads the same words every
 * time. The reasons are the FAQ's common rejection and verification-failure reasons (the client's
 * copy, `seed/client-copy.zh.txt`: 微信官方审核驳回常见问题, 真实性核验视频未通过), plus 其他 for a
 * reason the list does not have (explained in the note). The order keeps the Chinese words it was
 * rejected with (`rejection[].field` / `.reason`), as the customer was told them.
 */
export type TLabel = { zh: string; en: string };

export const REJECTION_FIELDS = {
  entity_documents: { zh: "主体证件", en: "Entity documents" },
  entity_info: { zh: "主体信息(名称、地址)", en: "Entity details (name, address)" },
  principal_documents: { zh: "负责人证件", en: "Principal's ID" },
  principal_photo: { zh: "负责人人像照片/核验视频", en: "Principal's photo / verification video" },
  contact_phone: { zh: "联系电话", en: "Contact phone" },
  emergency_phone: { zh: "应急联系电话", en: "Emergency phone" },
  mini_program_name: { zh: "小程序名称", en: "Mini program name" },
  service_content: { zh: "服务内容", en: "Service content" },
  pre_approval: { zh: "前置审批文件", en: "Pre-approval documents" },
  other_material: { zh: "其他材料", en: "Other material" },
} as const satisfies Record<string, TLabel>;

export const REJECTION_REASONS = {
  phone_unreachable: { zh: "联系电话未接通", en: "The contact phone was not answered" },
  documents_invalid: {
    zh: "证件电子版不合格(须为最新证件的原件照片或彩色扫描件)",
    en: "Document scans not acceptable (must be the latest original, photographed or colour-scanned)",
  },
  pre_approval_invalid: {
    zh: "前置审批不合格(缺少、不完整、不清晰、有遮挡或已过期)",
    en: "Pre-approval missing, incomplete, unreadable, covered or expired",
  },
  emergency_number_invalid: {
    zh: "应急号码未填写或无效",
    en: "Emergency number missing or not in service",
  },
  portrait_invalid: {
    zh: "负责人人像照片不符合要求(非白色背景、逆光、模糊或有遮挡)",
    en: "Principal's photo not acceptable (background not white, backlit, blurred or covered)",
  },
  verification_failed: {
    zh: "真实性核验未通过(动作不规范、光线不足或人脸与证件不符)",
    en: "Identity verification failed (wrong movement, poor light, or face does not match the ID)",
  },
  details_mismatch: {
    zh: "填写的证件号码或姓名与证件不一致",
    en: "The ID number or name entered does not match the document",
  },
  other: { zh: "其他(见说明)", en: "Other (see the note)" },
} as const satisfies Record<string, TLabel>;

export type TRejectionField = keyof typeof REJECTION_FIELDS;
export type TRejectionReason = keyof typeof REJECTION_REASONS;

export const REJECTION_FIELD_KEYS = Object.keys(REJECTION_FIELDS) as TRejectionField[];
export const REJECTION_REASON_KEYS = Object.keys(REJECTION_REASONS) as TRejectionReason[];

/** One row of the 驳回… form: chosen field and reason, and what sales adds for the customer. */
export type TRejectionChoice = { field: TRejectionField; reason: TRejectionReason; note?: string };

/** The row the order stores (and the customer reads): the Chinese words, the note as suggestion. */
export function storedRejection(choice: TRejectionChoice) {
  const note = choice.note?.trim();
  return {
    field: REJECTION_FIELDS[choice.field].zh,
    reason: REJECTION_REASONS[choice.reason].zh,
    suggestion: note ? note : null,
  };
}
