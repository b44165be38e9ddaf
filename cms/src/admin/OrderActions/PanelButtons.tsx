"use client";
/** The confirm and back buttons under an action that asked for something (驳回…, 录入备案号…). */
import { buttonStyle, type TLang } from "./request.tsx";

const BUSY = { zh: "正在提交…", en: "Saving…" } as const;
const BACK = { zh: "返回", en: "Back" } as const;

export function PanelButtons(props: {
  lang: TLang;
  busy: boolean;
  confirm: string;
  send: () => void;
  back: () => void;
}) {
  return (
    <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        style={buttonStyle}
        disabled={props.busy}
        onClick={props.send}
      >
        {props.busy ? BUSY[props.lang] : props.confirm}
      </button>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        style={buttonStyle}
        disabled={props.busy}
        onClick={props.back}
      >
        {BACK[props.lang]}
      </button>
    </div>
  );
}
