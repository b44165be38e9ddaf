"use client";
/**
 * In an order's sidebar, under its stage: the steps allowed from where the order is
 * (`orders/transitions.ts`), as named buttons (开始初审, 初审通过,提交微信审核, 记录短信核验完成…).
 * 驳回… asks for one or more rows of item + reason from fixed lists and a note; 管局审核通过,
 * 录入备案号… asks for the ICP number; 取消订单… asks to confirm. Each calls
 * POST /api/orders/:id/move, which holds the rules; its refusal is shown as it says it.
 */
import type { TStageKey } from "@beian/contract";
import { useConfig, useDocumentInfo, useFormFields } from "@payloadcms/ui";
import { useState } from "react";
import { ICP_NUMBER_EXAMPLE } from "../../orders/icpNumber.ts";
import { NEXT_STAGES } from "../../orders/transitions.ts";
import { Alert, input } from "../forms/controls.tsx";
import { STAGE_ACTION_LABELS } from "../labels.ts";
import { PanelButtons } from "./PanelButtons.tsx";
import { RejectionForm } from "./RejectionForm.tsx";
import { box, buttonStyle, type TLang, useAction, useLang } from "./request.tsx";

/** Actions that ask for something before they are sent. */
type TPanel = "rejected" | "filed" | "cancelled" | null;

const TEXTS = {
  title: { zh: "阶段操作", en: "Stage actions" },
  none: { zh: "该订单已结束,没有可进行的操作", en: "This order is closed: nothing left to do" },
  policeFiling: {
    zh: "公安备案完成后,在下方填写「公安备案完成日期」并保存",
    en: "When the police filing is done, set 'Police filing done on' below and save",
  },
  note: { zh: "说明(可选,记入阶段记录)", en: "Note (optional, kept in the stage history)" },
  icp: { zh: "备案号", en: "ICP number" },
  confirmFiled: { zh: "确认备案成功", en: "Confirm filed" },
  confirmCancel: { zh: "确认取消订单", en: "Confirm cancelling the order" },
  cancelAsk: {
    zh: "取消后订单不能再恢复,确定取消吗?",
    en: "A cancelled order cannot be resumed. Cancel it?",
  },
} as const;

function ActionButtons(props: {
  next: readonly TStageKey[];
  lang: TLang;
  busy: boolean;
  choose: (to: TStageKey) => void;
}) {
  return (
    <div style={{ display: "grid", gap: "0.4rem" }}>
      {props.next.map((to) => (
        <button
          key={to}
          type="button"
          data-stage-action={to}
          className={`btn btn--size-small ${
            to === "rejected" || to === "cancelled" ? "btn--style-secondary" : "btn--style-primary"
          }`}
          style={buttonStyle}
          disabled={props.busy}
          onClick={() => props.choose(to)}
        >
          {STAGE_ACTION_LABELS[to][props.lang]}
        </button>
      ))}
    </div>
  );
}

function FiledForm(props: {
  lang: TLang;
  busy: boolean;
  error: string | undefined;
  send: (icpNumber: string) => void;
  back: () => void;
}) {
  const [icpNumber, setIcpNumber] = useState("");
  return (
    <div style={{ display: "grid", gap: "0.4rem" }} data-stage-panel="filed">
      <label htmlFor="order-icp-number">{TEXTS.icp[props.lang]}</label>
      <input
        id="order-icp-number"
        style={input}
        value={icpNumber}
        placeholder={ICP_NUMBER_EXAMPLE}
        maxLength={60}
        onChange={(event) => setIcpNumber(event.target.value)}
        aria-invalid={props.error ? true : undefined}
      />
      <Alert text={props.error} />
      <PanelButtons
        lang={props.lang}
        busy={props.busy}
        confirm={TEXTS.confirmFiled[props.lang]}
        send={() => props.send(icpNumber)}
        back={props.back}
      />
    </div>
  );
}

function CancelConfirm(props: { lang: TLang; busy: boolean; send: () => void; back: () => void }) {
  return (
    <div style={{ display: "grid", gap: "0.4rem" }} data-stage-panel="cancelled">
      <p style={{ margin: 0 }}>{TEXTS.cancelAsk[props.lang]}</p>
      <PanelButtons {...props} confirm={TEXTS.confirmCancel[props.lang]} />
    </div>
  );
}

export function OrderActions() {
  const { id } = useDocumentInfo();
  const { config } = useConfig();
  const lang = useLang();
  const status = useFormFields(([fields]) => fields.status?.value) as TStageKey | undefined;
  const policeFiled = useFormFields(([fields]) => !!fields.policeFiledAt?.value);
  const action = useAction(`${config.routes.api}/orders/${id}/move`, lang);
  const [panel, setPanel] = useState<TPanel>(null);
  const [note, setNote] = useState("");
  if (!id || !status || !(status in NEXT_STAGES)) return null;
  const next = NEXT_STAGES[status];
  const send = (to: TStageKey, extra: Record<string, unknown> = {}) =>
    void action.run({ to, ...(note.trim() ? { note } : {}), ...extra });
  const back = () => {
    setPanel(null);
    action.clear();
  };
  const fields = action.error?.fields ?? {};
  return (
    <div style={box} data-order-actions={status}>
      <strong>{TEXTS.title[lang]}</strong>
      {next.length === 0 ? (
        <p style={{ margin: 0 }}>
          {status === "police_filing" && !policeFiled ? TEXTS.policeFiling[lang] : TEXTS.none[lang]}
        </p>
      ) : null}
      {next.length > 0 ? (
        <>
          <label htmlFor="order-move-note">{TEXTS.note[lang]}</label>
          <input
            id="order-move-note"
            style={input}
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
        </>
      ) : null}
      {panel === null ? (
        <ActionButtons
          next={next}
          lang={lang}
          busy={action.busy}
          choose={(to) => {
            action.clear();
            if (to === "rejected" || to === "filed" || to === "cancelled") setPanel(to);
            else send(to);
          }}
        />
      ) : null}
      {panel === "rejected" ? (
        <RejectionForm
          lang={lang}
          busy={action.busy}
          errors={fields}
          send={(rejection) => send("rejected", { rejection })}
          back={back}
        />
      ) : null}
      {panel === "filed" ? (
        <FiledForm
          lang={lang}
          busy={action.busy}
          error={fields.icpNumber}
          send={(icpNumber) => send("filed", { icpNumber })}
          back={back}
        />
      ) : null}
      {panel === "cancelled" ? (
        <CancelConfirm lang={lang} busy={action.busy} send={() => send("cancelled")} back={back} />
      ) : null}
      <Alert text={action.error?.message} />
    </div>
  );
}
