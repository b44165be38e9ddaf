/**
 * What a rejection names: which part of the order was refused and why. Sales chooses both from
 * these lists (the 驳回… action) instead of typing them, so the customer reads the same words every
 * time. The reasons are the FAQ's common rejection and verification-failure reasons (the client's
 * copy, `seed/client-copy.zh.txt`: 微信官方审核驳回常见问题, 真实性核验视频未通过), plus 其他 for a
 * reason the list does not have (explained in the note). The order keeps the Chinese words it was
 * rejected with (`rejection[].field` / `.reason` / `.suggestion`), as the customer was told them.
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

/**
 * Each reason with its fix: what the customer is to do, in our words, from the FAQ's answers to
 * that reason (the client's copy). The customer reads the fix when sales adds no note.
 */
export const REJECTION_REASONS = {
  phone_unreachable: {
    zh: "联系电话未接通",
    en: "The contact phone was not answered",
    fix: {
      zh: "请保持备案信息中的联系电话畅通并注意接听审核来电,然后重新提交",
      en: "Keep the contact phones of the filing reachable and answer the reviewers' calls, then resubmit",
    },
  },
  documents_invalid: {
    zh: "证件电子版不合格(须为最新证件的原件照片或彩色扫描件)",
    en: "Document scans not acceptable (must be the latest original, photographed or colour-scanned)",
    fix: {
      zh: "请上传发证机构最新核准下发的证件,原件拍照或原件彩色扫描,然后重新提交",
      en: "Upload the latest documents as issued, photographed or colour-scanned from the original, then resubmit",
    },
  },
  pre_approval_invalid: {
    zh: "前置审批不合格(缺少、不完整、不清晰、有遮挡或已过期)",
    en: "Pre-approval missing, incomplete, unreadable, covered or expired",
    fix: {
      zh: "请在对应入口填写前置审批号,并上传完整、清晰、无遮挡且在有效期内的前置审批文件",
      en: "Enter the pre-approval number and upload the complete, clear, uncovered and valid pre-approval document",
    },
  },
  emergency_number_invalid: {
    zh: "应急号码未填写或无效",
    en: "Emergency number missing or not in service",
    fix: {
      zh: "请填写能正常接通的手机号码作为应急号码(不可为关机或空号),是否可与其他联系方式相同以填写页面提示为准",
      en: "Enter a mobile number in service as the emergency number (not switched off or unassigned); whether it may repeat another contact number is said on the form",
    },
  },
  portrait_invalid: {
    zh: "负责人人像照片不符合要求(非白色背景、逆光、模糊或有遮挡)",
    en: "Principal's photo not acceptable (background not white, backlit, blurred or covered)",
    fix: {
      zh: "请在纯白色背景前重新核验:着当季服装,两肩露出、上方留白,面部无遮挡,拍摄清晰",
      en: "Verify again before a plain white background: seasonal clothes, shoulders showing with space above, face uncovered, in focus",
    },
  },
  verification_failed: {
    zh: "真实性核验未通过(动作不规范、光线不足或人脸与证件不符)",
    en: "Identity verification failed (wrong movement, poor light, or face does not match the ID)",
    fix: {
      zh: "请本人在光线充足处、纯白背景前按提示动作重新核验;仍未通过可更换手机重试",
      en: "Verify again yourself, in good light before a white background, following the movements asked; if it still fails, try another phone",
    },
  },
  details_mismatch: {
    zh: "填写的证件号码或姓名与证件不一致",
    en: "The ID number or name entered does not match the document",
    fix: {
      zh: "请核对填写的证件号码和姓名,使其与上传的证件完全一致后重新提交",
      en: "Correct the ID number and name entered to match the uploaded document exactly, then resubmit",
    },
  },
  other: {
    zh: "其他(见说明)",
    en: "Other (see the note)",
    fix: {
      zh: "请联系您的备案专员,了解需要修改的内容",
      en: "Contact your filing agent to learn what to change",
    },
  },
} as const satisfies Record<string, TLabel & { fix: TLabel }>;

export type TRejectionField = keyof typeof REJECTION_FIELDS;
export type TRejectionReason = keyof typeof REJECTION_REASONS;

export const REJECTION_FIELD_KEYS = Object.keys(REJECTION_FIELDS) as TRejectionField[];
export const REJECTION_REASON_KEYS = Object.keys(REJECTION_REASONS) as TRejectionReason[];

/** One row of the 驳回… form: chosen field and reason, and what sales adds for the customer. */
export type TRejectionChoice = { field: TRejectionField; reason: TRejectionReason; note?: string };

/**
 * The row the order stores (and the customer reads, on /track/ and in the email): the Chinese
 * words, and as suggestion sales's note or, without one, the reason's fix.
 */
export function storedRejection(choice: TRejectionChoice) {
  const note = choice.note?.trim();
  const reason = REJECTION_REASONS[choice.reason];
  return {
    field: REJECTION_FIELDS[choice.field].zh,
    reason: reason.zh,
    suggestion: note ? note : reason.fix.zh,
  };
}

/**
 * The fix of a reason the order stored in words, for a row stored without a suggestion (rejected
 * before fixes were kept); "" for words the list does not have.
 */
export function fixOfReason(words: string): string {
  const reason = Object.values(REJECTION_REASONS).find((candidate) => candidate.zh === words);
  return reason?.fix.zh ?? "";
}
