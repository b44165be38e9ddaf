"use client";
/**
 * The 驳回… form: one row per refused item — the item and the reason chosen from the fixed lists
 * (`orders/rejectionReasons.ts`, the FAQ's common rejection reasons), and a note for the customer;
 * without a note the customer is told the reason's fix, which the form shows under the note.
 */
import { useState } from "react";
import {
  REJECTION_FIELD_KEYS,
  REJECTION_FIELDS,
  REJECTION_REASON_KEYS,
  REJECTION_REASONS,
  type TLabel,
  type TRejectionReason,
} from "../../orders/rejectionReasons.ts";
import { Alert, input } from "../forms/controls.tsx";
import { SelectField } from "../forms/SelectField.tsx";
import { PanelButtons } from "./PanelButtons.tsx";
import type { TLang } from "./request.tsx";

type TRow = { field: string; reason: string; note: string };

const EMPTY_ROW: TRow = { field: "", reason: "", note: "" };

const TEXTS = {
  title: { zh: "驳回原因", en: "Rejection reasons" },
  field: { zh: "驳回项目", en: "Item" },
  reason: { zh: "原因", en: "Reason" },
  note: { zh: "说明(可选,客户可见)", en: "Note (optional, the customer sees it)" },
  fixHint: { zh: "不填说明时,客户看到的修改建议:", en: "Without a note, the customer is told: " },
  choose: { zh: "请选择", en: "Choose" },
  add: { zh: "添加驳回原因", en: "Add a reason" },
  remove: { zh: "删除此条", en: "Remove" },
  confirm: { zh: "确认驳回", en: "Confirm rejection" },
} as const;

/** The options of a fixed list, in the admin's language. */
const optionsOf = (keys: readonly string[], labels: Record<string, TLabel>, lang: TLang) =>
  keys.map((key) => ({ value: key, label: labels[key]?.[lang] ?? key }));

/** What the customer reads for a reason when the note is left empty. */
function FixHint(props: { id: string; reason: string; lang: TLang }) {
  const reason = REJECTION_REASONS[props.reason as TRejectionReason];
  if (!reason) return null;
  return (
    <p id={props.id} style={{ margin: 0, fontSize: "0.9em", color: "var(--theme-elevation-600)" }}>
      {`${TEXTS.fixHint[props.lang]}${reason.fix[props.lang]}`}
    </p>
  );
}

function ReasonRow(props: {
  index: number;
  row: TRow;
  lang: TLang;
  errors: Record<string, string>;
  change: (row: Partial<TRow>) => void;
  remove: (() => void) | null;
}) {
  const { index, row, lang, errors } = props;
  const at = (name: string) => errors[`rejection.${index}.${name}`];
  return (
    <fieldset
      data-rejection-row={index}
      style={{ display: "grid", gap: "0.4rem", border: "1px solid var(--theme-elevation-100)" }}
    >
      <legend>{`${TEXTS.title[lang]} ${index + 1}`}</legend>
      <SelectField
        id={`rejection-${index}-field`}
        label={TEXTS.field[lang]}
        placeholder={TEXTS.choose[lang]}
        options={optionsOf(REJECTION_FIELD_KEYS, REJECTION_FIELDS, lang)}
        value={row.field}
        error={at("field")}
        onChange={(field) => props.change({ field })}
      />
      <SelectField
        id={`rejection-${index}-reason`}
        label={TEXTS.reason[lang]}
        placeholder={TEXTS.choose[lang]}
        options={optionsOf(REJECTION_REASON_KEYS, REJECTION_REASONS, lang)}
        value={row.reason}
        error={at("reason")}
        onChange={(reason) => props.change({ reason })}
      />
      <label htmlFor={`rejection-${index}-note`}>{TEXTS.note[lang]}</label>
      <input
        id={`rejection-${index}-note`}
        style={input}
        value={row.note}
        maxLength={500}
        aria-describedby={row.reason ? `rejection-${index}-fix` : undefined}
        onChange={(event) => props.change({ note: event.target.value })}
      />
      <FixHint id={`rejection-${index}-fix`} reason={row.reason} lang={lang} />
      <Alert text={at("note")} />
      {props.remove ? (
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={props.remove}
        >
          {TEXTS.remove[lang]}
        </button>
      ) : null}
    </fieldset>
  );
}

export function RejectionForm(props: {
  lang: TLang;
  busy: boolean;
  errors: Record<string, string>;
  send: (rows: { field: string; reason: string; note?: string }[]) => void;
  back: () => void;
}) {
  const { lang } = props;
  const [rows, setRows] = useState<TRow[]>([EMPTY_ROW]);
  const change = (index: number, patch: Partial<TRow>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <div style={{ display: "grid", gap: "0.5rem" }} data-stage-panel="rejected">
      {rows.map((row, index) => (
        <ReasonRow
          // Controlled rows, appended or removed by position: the index is their identity.
          key={index}
          index={index}
          row={row}
          lang={lang}
          errors={props.errors}
          change={(patch) => change(index, patch)}
          remove={
            rows.length > 1
              ? () => setRows((current) => current.filter((_, at) => at !== index))
              : null
          }
        />
      ))}
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        style={{ margin: 0 }}
        onClick={() => setRows((current) => [...current, EMPTY_ROW])}
      >
        {TEXTS.add[lang]}
      </button>
      <Alert text={props.errors.rejection} />
      <PanelButtons
        lang={lang}
        busy={props.busy}
        confirm={TEXTS.confirm[lang]}
        send={() =>
          props.send(
            rows.map((row) => ({
              field: row.field,
              reason: row.reason,
              ...(row.note.trim() ? { note: row.note } : {}),
            })),
          )
        }
        back={props.back}
      />
    </div>
  );
}
