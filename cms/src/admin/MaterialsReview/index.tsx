"use client";
/**
 * On an order's page: 客户材料, each upload slot of the order with the customer's document — open it
 * (查看 / 下载, each recorded in 材料查看记录), accept it, or reject it with a reason from the FAQ's
 * list and a note the customer reads in 备案中心 and by text and email. The states come from
 * GET /api/orders/:id/documents, the same the customer sees.
 */
import type { TCustomerMaterial } from "@beian/contract";
import { FieldLabel, useDocumentInfo } from "@payloadcms/ui";
import type { UIFieldClientComponent } from "payload";
import { useCallback, useEffect, useState } from "react";
import { formatChinaTime } from "../../lib/chinaTime.ts";
import {
  DOCUMENT_REJECTION_LABELS,
  DOCUMENT_REJECTION_REASONS,
  MATERIAL_STATUS_LABELS,
} from "../../materials/review.ts";
import { Alert, input } from "../forms/controls.tsx";
import { SelectField } from "../forms/SelectField.tsx";
import { postAction, type TLang, useLang } from "../OrderActions/request.tsx";

const TEXTS = {
  label: { zh: "客户材料", en: "Customer documents" },
  loading: { zh: "正在读取…", en: "Loading…" },
  failed: { zh: "读取失败,请刷新页面", en: "Could not load, reload the page" },
  optional: { zh: "(选填)", en: " (optional)" },
  uploadedAt: { zh: "上传于", en: "Uploaded" },
  view: { zh: "查看", en: "View" },
  download: { zh: "下载", en: "Download" },
  accept: { zh: "通过", en: "Accept" },
  reject: { zh: "驳回…", en: "Reject…" },
  reason: { zh: "驳回原因", en: "Reason" },
  choose: { zh: "请选择", en: "Choose" },
  note: { zh: "说明(可选,客户可见)", en: "Note (optional, the customer sees it)" },
  confirm: { zh: "确认驳回", en: "Confirm rejection" },
  cancel: { zh: "取消", en: "Cancel" },
  pdf: { zh: "PDF 文件", en: "PDF" },
  image: { zh: "照片", en: "Photo" },
} as const;

type TState = { documents: TCustomerMaterial[] } | { error: true } | null;

/** Posts a review; null when done, else what the server said. */
async function postReview(id: string, body: unknown, lang: TLang): Promise<string | null> {
  return (await postAction(`/api/materials/${id}/review`, body, lang))?.message ?? null;
}

function RejectForm(props: { id: string; lang: TLang; done: () => void; cancel: () => void }) {
  const { id, lang } = props;
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = DOCUMENT_REJECTION_REASONS.map((key) => ({
    value: key,
    label: DOCUMENT_REJECTION_LABELS[key][lang],
  }));
  async function submit() {
    setBusy(true);
    const refused = await postReview(id, { decision: "rejected", reason, note }, lang);
    setBusy(false);
    if (refused) setError(refused);
    else props.done();
  }
  return (
    <div style={{ display: "grid", gap: "0.4rem" }}>
      <SelectField
        id={`document-${id}-reason`}
        label={TEXTS.reason[lang]}
        placeholder={TEXTS.choose[lang]}
        options={options}
        value={reason}
        error={undefined}
        onChange={setReason}
      />
      <label htmlFor={`document-${id}-note`}>{TEXTS.note[lang]}</label>
      <textarea
        id={`document-${id}-note`}
        style={input}
        rows={2}
        maxLength={500}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <Alert text={error} />
      <div style={{ display: "flex", gap: "0.5rem" }}>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy}
          onClick={submit}
        >
          {TEXTS.confirm[lang]}
        </button>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={props.cancel}
        >
          {TEXTS.cancel[lang]}
        </button>
      </div>
    </div>
  );
}

function DocumentRow(props: { document: TCustomerMaterial; lang: TLang; reload: () => void }) {
  const { document, lang } = props;
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { id } = document;
  async function accept() {
    if (!id) return;
    const refused = await postReview(id, { decision: "accepted" }, lang);
    if (refused) setError(refused);
    else props.reload();
  }
  return (
    <li
      data-document={document.item}
      style={{ display: "grid", gap: "0.35rem", padding: "0.6rem 0" }}
    >
      <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "baseline" }}>
        <strong>
          {document.item}
          {document.required ? "" : TEXTS.optional[lang]}
        </strong>
        <span data-document-status={document.status}>
          {MATERIAL_STATUS_LABELS[document.status][lang]}
        </span>
        {document.uploadedAt ? (
          <span style={{ color: "var(--theme-elevation-600)" }}>
            {`${document.kind === "pdf" ? TEXTS.pdf[lang] : TEXTS.image[lang]} · ${TEXTS.uploadedAt[lang]} ${formatChinaTime(document.uploadedAt)}`}
          </span>
        ) : null}
      </div>
      {document.reason ? (
        <p style={{ margin: 0 }}>{`${document.reason}${document.fix ? `:${document.fix}` : ""}`}</p>
      ) : null}
      {id ? (
        <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
          <a href={`/api/materials/${id}/document`} target="_blank" rel="noopener noreferrer">
            {TEXTS.view[lang]}
          </a>
          <a href={`/api/materials/${id}/document?download=1`}>{TEXTS.download[lang]}</a>
          {document.status !== "accepted" ? (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              style={{ margin: 0 }}
              onClick={accept}
            >
              {TEXTS.accept[lang]}
            </button>
          ) : null}
          {document.status !== "rejected" && !rejecting ? (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              style={{ margin: 0 }}
              onClick={() => setRejecting(true)}
            >
              {TEXTS.reject[lang]}
            </button>
          ) : null}
        </div>
      ) : null}
      {id && rejecting ? (
        <RejectForm
          id={id}
          lang={lang}
          done={() => {
            setRejecting(false);
            props.reload();
          }}
          cancel={() => setRejecting(false)}
        />
      ) : null}
      <Alert text={error} />
    </li>
  );
}

export const MaterialsReview: UIFieldClientComponent = ({ path }) => {
  const lang = useLang();
  const { id } = useDocumentInfo();
  const [state, setState] = useState<TState>(null);
  const load = useCallback(async () => {
    if (!id) return;
    try {
      const response = await fetch(`/api/orders/${id}/documents`, { credentials: "include" });
      if (!response.ok) throw new Error(String(response.status));
      setState((await response.json()) as { documents: TCustomerMaterial[] });
    } catch {
      setState({ error: true });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!id) return null;
  return (
    <div className="field-type" data-materials-review style={{ marginBottom: "1.5rem" }}>
      <FieldLabel label={TEXTS.label[lang]} path={path} as="span" />
      {state === null ? <p>{TEXTS.loading[lang]}</p> : null}
      {state && "error" in state ? <Alert text={TEXTS.failed[lang]} /> : null}
      {state && "documents" in state ? (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {state.documents.map((document) => (
            <DocumentRow key={document.item} document={document} lang={lang} reload={load} />
          ))}
        </ul>
      ) : null}
    </div>
  );
};
