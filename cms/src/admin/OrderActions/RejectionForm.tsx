"use client";
/**
 * The 驳回… form: one row per refused item — the item and the reason chosen from the fixed lists
 * (`orders/rejectionReasons.ts`, the FAQ's common rejection reasons), and a note for the customer.
 */
import { useState } from "react";
import {
  REJECTION_FIELD_KEYS,
  REJECTION_FIELDS,
  REJECTION_REASON_KEYS,
  REJECTION_REASONS,
  type TLabel,
} from "../../orders/rejectionReasons.ts";
import { PanelButtons } from "./PanelButtons.tsx";
import { Alert, input, type TLang } from "./request.tsx";

type TRow = { field: string; reason: string; note: string };

const EMPTY_ROW: TRow = { field: "", reason: "", note: "" };

const TEXTS = {
  title: { zh: "驳回原因", en: "Rejection reasons" },
  field: { zh: "驳回项目", en: "Item" },
  reason: { zh: "原因", en: "Reason" },
  note: { zh: "说明(可选,客户可见)", en: "Note (optional, the customer sees it)" },
  choose: { zh: "请选择", en: "Choose" },
  add: { zh: "添加驳回原因", en: "Add a reason" },
  remove: { zh: "删除此条", en: "Remove" },
  confirm: { zh: "确认驳回", en: "Confirm rejection" },
} as const;

function Choice(props: {
  id: string;
  label: string;
  lang: TLang;
  keys: readonly string[];
  labels: Record<string, TLabel>;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        style={input}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
      >
        <option value="">{TEXTS.choose[props.lang]}</option>
        {props.keys.map((key) => (
          <option key={key} value={key}>
            {props.labels[key]?.[props.lang]}
          </option>
        ))}
      </select>
      <Alert text={props.error} />
    </div>
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
      <Choice
        id={`rejection-${index}-field`}
        label={TEXTS.field[lang]}
        lang={lang}
        keys={REJECTION_FIELD_KEYS}
        labels={REJECTION_FIELDS}
        value={row.field}
        error={at("field")}
        onChange={(field) => props.change({ field })}
      />
      <Choice
        id={`rejection-${index}-reason`}
        label={TEXTS.reason[lang]}
        lang={lang}
        keys={REJECTION_REASON_KEYS}
        labels={REJECTION_REASONS}
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
        onChange={(event) => props.change({ note: event.target.value })}
      />
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
