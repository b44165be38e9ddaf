/**
 * What /my/ shows beyond /track/'s view of each order: the checklist with each item's state in
 * words, and the words of the sign-in form (the resend countdown, who is signed in). Pure, so it
 * is unit-tested; the page's script (./customerCenter.ts) turns it into elements.
 */
import type { TCustomerMaterial, TMaterialStatus, TSiteLabel } from "@beian/contract";

/** The site-settings labels the center's own words come from (the orders' are /track/'s). */
export const MY_VIEW_LABELS = [
  "myPhone",
  "mySendCode",
  "myResendIn",
  "myCodeSent",
  "myCode",
  "mySignIn",
  "mySignedInAs",
  "mySignOut",
  "myNoOrders",
  "myMaterials",
  "myMaterialMissing",
  "myMaterialUploaded",
  "myMaterialAccepted",
  "myMaterialRejected",
  "myUploadHint",
  "myUpload",
  "myReupload",
  "myUploading",
  "myView",
  "myOptional",
  "myFix",
  "myIcpHint",
  "myEmailNotifications",
] as const satisfies readonly TSiteLabel[];

export type TMyLabels = Record<(typeof MY_VIEW_LABELS)[number], string>;

const STATUS_LABEL: Record<TMaterialStatus, keyof TMyLabels> = {
  missing: "myMaterialMissing",
  uploaded: "myMaterialUploaded",
  accepted: "myMaterialAccepted",
  rejected: "myMaterialRejected",
};

export type TMaterialRow = {
  item: string;
  /** The item as shown: its name, marked when it is optional. */
  title: string;
  status: TMaterialStatus;
  /** The state in words (待上传, 需重新上传…). */
  state: string;
  /** Why sales refused it, and what to do, when they did. */
  reason?: string;
  fix?: string;
  /** The current document's id, to view it. */
  id?: string;
  /** The upload button's words, when the customer may upload now (上传, or 重新上传 over a file). */
  upload?: string;
};

export function materialRows(materials: TCustomerMaterial[], labels: TMyLabels): TMaterialRow[] {
  return materials.map(({ item, required, status, reason, fix, id, uploadable }) => ({
    item,
    title: required ? item : `${item}${labels.myOptional}`,
    status,
    state: labels[STATUS_LABEL[status]],
    ...(status === "rejected" && reason ? { reason } : {}),
    ...(status === "rejected" && fix ? { fix: `${labels.myFix}${fix}` } : {}),
    ...(id ? { id } : {}),
    ...(uploadable ? { upload: id ? labels.myReupload : labels.myUpload } : {}),
  }));
}

/** 60 秒后可重新获取 from the label's `{seconds}`. */
export const resendIn = (seconds: number, labels: TMyLabels) =>
  labels.myResendIn.replace("{seconds}", String(seconds));

/** 已登录:138****8000: the phone masked, as on a screen others may see over a shoulder. */
export function signedInAs(phone: string, labels: TMyLabels): string {
  const masked = phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
  return labels.mySignedInAs.replace("{phone}", masked);
}
