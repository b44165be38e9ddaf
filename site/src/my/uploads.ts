/**
 * The materials checklist of one order in /my/: each slot with its state, the rejection's reason
 * and fix, a link to the uploaded file, and — while the customer may upload — a file input that
 * takes a photo with the phone's camera or picks a file. The upload shows its progress (XHR:
 * fetch reports none) and the server's Chinese refusal; a file over 10 MiB is refused before it
 * is sent. The server judges the type by content; `accept` only narrows the picker.
 */
import {
  apiError,
  MATERIAL_CONTENT_TYPES,
  MATERIAL_MAX_BYTES,
  type TApiError,
  type TCustomerOrder,
} from "@beian/contract";
import { el } from "../track/renderTrack.ts";
import { materialRows, type TMaterialRow, type TMyLabels } from "./myView.ts";

export type TUploads = {
  api: string;
  labels: TMyLabels;
  /** Called after an upload went through: the orders are read again. */
  uploaded: () => Promise<void>;
};

export function materialsList(order: TCustomerOrder, uploads: TUploads): HTMLElement[] {
  if (order.materials.length === 0) return [];
  const list = el("ul", undefined, "my-materials");
  for (const row of materialRows(order.materials, uploads.labels)) {
    list.append(materialItem(order.orderNo, row, uploads));
  }
  return [
    el("h3", uploads.labels.myMaterials),
    el("p", uploads.labels.myUploadHint, "my-hint"),
    list,
  ];
}

function materialItem(orderNo: string, row: TMaterialRow, uploads: TUploads): HTMLElement {
  const item = el("li");
  item.dataset.status = row.status;
  item.dataset.item = row.item;
  item.append(
    el("span", row.title, "my-item"),
    el("span", row.state, `my-state my-state-${row.status}`),
  );
  if (row.reason) item.append(el("p", row.reason, "my-reason"));
  if (row.fix) item.append(el("p", row.fix, "my-fix"));
  const actions = el("div", undefined, "my-actions");
  if (row.id) {
    const view = el("a", uploads.labels.myView);
    view.setAttribute("href", `${uploads.api}/api/public/customer/materials/${row.id}`);
    view.setAttribute("target", "_blank");
    view.setAttribute("rel", "noopener");
    view.setAttribute("aria-label", `${uploads.labels.myView} ${row.item}`);
    actions.append(view);
  }
  if (row.upload) actions.append(...uploadControl(orderNo, row, uploads));
  if (actions.childElementCount > 0) item.append(actions);
  return item;
}

let inputs = 0;

function uploadControl(orderNo: string, row: TMaterialRow, uploads: TUploads): HTMLElement[] {
  const id = `my-upload-${++inputs}`;
  const input = document.createElement("input");
  input.type = "file";
  input.id = id;
  input.className = "my-file";
  input.accept = MATERIAL_CONTENT_TYPES.join(",");
  const label = el("label", row.upload, "button button-ghost my-upload");
  label.setAttribute("for", id);
  label.setAttribute("aria-label", `${row.upload} ${row.item}`);
  const progress = document.createElement("progress");
  progress.max = 100;
  progress.hidden = true;
  progress.setAttribute("aria-label", `${uploads.labels.myUploading} ${row.item}`);
  const error = el("p", undefined, "track-error");
  error.setAttribute("role", "alert");
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void send(orderNo, row.item, file, { input, progress, error }, uploads);
  });
  return [input, label, progress, error];
}

type TControls = { input: HTMLInputElement; progress: HTMLProgressElement; error: HTMLElement };

async function send(
  orderNo: string,
  item: string,
  file: File,
  { input, progress, error }: TControls,
  uploads: TUploads,
): Promise<void> {
  error.textContent = "";
  if (file.size > MATERIAL_MAX_BYTES) {
    error.textContent = apiError("material_too_large").error.message;
    input.value = "";
    return;
  }
  input.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  const answer = await post(uploads.api, orderNo, item, file, (percent) => {
    progress.value = percent;
  });
  input.disabled = false;
  input.value = "";
  progress.hidden = true;
  if (answer.status === 201) return uploads.uploaded();
  const refusal = answer.body as TApiError | undefined;
  error.textContent = refusal?.error?.message ?? "网络异常,请稍后重试。";
}

type TUploadAnswer = { status: number; body: unknown };

function post(
  api: string,
  orderNo: string,
  item: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<TUploadAnswer> {
  const form = new FormData();
  form.set("item", item);
  form.set("file", file);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open(
      "POST",
      `${api}/api/public/customer/orders/${encodeURIComponent(orderNo)}/materials`,
    );
    request.withCredentials = true;
    request.setRequestHeader("Accept-Language", "zh-CN");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener("load", () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      resolve({ status: request.status, body });
    });
    request.addEventListener("error", () => resolve({ status: 0, body: undefined }));
    request.send(form);
  });
}
