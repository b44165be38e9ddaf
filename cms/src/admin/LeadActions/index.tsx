"use client";
/**
 * In a lead's sidebar, under its status: the moves allowed from where the lead is
 * (`collections/Leads/statuses.ts`) as named buttons — 标记为已联系, 标记为有意向, 标记为无效…
 * (asks the reason), 重新跟进 for a lost lead. Converting is the 转为订单 box below. Each calls
 * POST /api/leads/:id/move, which holds the rules; its refusal is shown as it says it.
 */
import { useConfig, useDocumentInfo, useFormFields } from "@payloadcms/ui";
import { useState } from "react";
import { LEAD_NEXT } from "../../collections/Leads/statuses.ts";
import { Alert, input } from "../forms/controls.tsx";
import { LEAD_ACTION_LABELS, LEAD_REOPEN_LABEL, type TLeadStatus } from "../labels.ts";
import { PanelButtons } from "../OrderActions/PanelButtons.tsx";
import { box, buttonStyle, type TLang, useAction, useLang } from "../OrderActions/request.tsx";

const TEXTS = {
  title: { zh: "线索操作", en: "Lead actions" },
  reason: { zh: "无效原因", en: "Why it was lost" },
  confirmLost: { zh: "确认标记为无效", en: "Confirm lost" },
} as const;

function actionLabel(from: TLeadStatus, to: TLeadStatus, lang: TLang): string {
  if (from === "lost" && to === "contacted") return LEAD_REOPEN_LABEL[lang];
  return LEAD_ACTION_LABELS[to as keyof typeof LEAD_ACTION_LABELS]?.[lang] ?? to;
}

function LostForm(props: {
  lang: TLang;
  busy: boolean;
  error: string | undefined;
  send: (reason: string) => void;
  back: () => void;
}) {
  const [reason, setReason] = useState("");
  return (
    <div style={{ display: "grid", gap: "0.4rem" }} data-lead-panel="lost">
      <label htmlFor="lead-lost-reason">{TEXTS.reason[props.lang]}</label>
      <input
        id="lead-lost-reason"
        style={input}
        value={reason}
        maxLength={200}
        onChange={(event) => setReason(event.target.value)}
        aria-invalid={props.error ? true : undefined}
      />
      <Alert text={props.error} />
      <PanelButtons
        lang={props.lang}
        busy={props.busy}
        confirm={TEXTS.confirmLost[props.lang]}
        send={() => props.send(reason)}
        back={props.back}
      />
    </div>
  );
}

export function LeadActions() {
  const { id } = useDocumentInfo();
  const { config } = useConfig();
  const lang = useLang();
  const status = useFormFields(([fields]) => fields.status?.value) as TLeadStatus | undefined;
  const action = useAction(`${config.routes.api}/leads/${id}/move`, lang);
  const [asking, setAsking] = useState(false);
  if (!id || !status || !(status in LEAD_NEXT)) return null;
  const next = LEAD_NEXT[status];
  if (next.length === 0) return null; // converted: the 转为订单 box links to the order
  return (
    <div style={box} data-lead-actions={status}>
      <strong>{TEXTS.title[lang]}</strong>
      {asking ? (
        <LostForm
          lang={lang}
          busy={action.busy}
          error={action.error?.fields.lostReason}
          send={(lostReason) => void action.run({ to: "lost", lostReason })}
          back={() => {
            setAsking(false);
            action.clear();
          }}
        />
      ) : (
        <div style={{ display: "grid", gap: "0.4rem" }}>
          {next.map((to) => (
            <button
              key={to}
              type="button"
              data-lead-action={to}
              className={`btn btn--size-small ${to === "lost" ? "btn--style-secondary" : "btn--style-primary"}`}
              style={buttonStyle}
              disabled={action.busy}
              onClick={() => {
                action.clear();
                if (to === "lost") setAsking(true);
                else void action.run({ to });
              }}
            >
              {actionLabel(status, to, lang)}
            </button>
          ))}
        </div>
      )}
      <Alert text={action.error?.message} />
    </div>
  );
}
