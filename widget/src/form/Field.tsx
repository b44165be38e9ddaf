/**
 * The controls of a form: a labelled field, a consent checkbox and the honeypot. Plain functions
 * returning elements rather than components: they hold no state, and in the embed a component's
 * props object (whose names survive minification) costs bytes of the gzip budget.
 */
import { PROVINCES, type TLocale, type TWidgetFilingType } from "@beian/contract";
import type { ReactNode } from "react";
import type { TFormKind } from "../constants.ts";
import type { TStrings } from "../i18n.ts";
import type { TValues } from "../submission/submissionBody.ts";
import { fieldId, type TFieldSpec } from "./fields.ts";

/** What every control of one form reads and calls. */
export type TFormControls = {
  kind: TFormKind;
  t: TStrings;
  lang: TLocale;
  /** The partner's filing types. */
  types: readonly TWidgetFilingType[];
  values: TValues;
  errorOf: (path: string) => string | undefined;
  change: (path: string, value: string | boolean) => void;
  /** The control lost focus: its error may show now. */
  leave: (path: string) => void;
};

/** A field of FIELDS: its label, control (input, select or textarea), hint and error. */
export function field(form: TFormControls, spec: TFieldSpec) {
  const { kind, t, types, values } = form;
  const { path } = spec;
  const options =
    spec.options === "filingTypes"
      ? types.map((type) => [type.slug, type.name])
      : spec.options && PROVINCES.map((p) => [p.code, form.lang === "en" ? p.en : p.zh]);
  // A filing type's hint is the audience of the type selected.
  const hint = spec.hint
    ? t[spec.hint]
    : spec.options === "filingTypes"
      ? types.find((type) => type.slug === values.filingType)?.audience
      : undefined;
  const id = fieldId(kind, path);
  const error = form.errorOf(path);
  const described = [hint && `${id}-hint`, error && `${id}-err`].filter(Boolean);
  const input = (event: { currentTarget: { value: string } }) =>
    form.change(path, event.currentTarget.value);
  const common = {
    id,
    name: path,
    value: String(values[path] ?? ""),
    "aria-invalid": error ? true : undefined,
    "aria-required": spec.required,
    "aria-describedby": described.join(" ") || undefined,
    onInput: input,
    onChange: input,
    onBlur: () => form.leave(path),
  };
  return (
    <div className="field" key={path}>
      <label htmlFor={id}>
        {t[path]}
        {!spec.required && <span className="opt">{t.optional}</span>}
      </label>
      {spec.options ? (
        <select {...common}>
          <option value="">{t.choose}</option>
          {options?.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      ) : spec.type === "textarea" ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type={spec.type ?? "text"} autoComplete={spec.autoComplete ?? "off"} {...common} />
      )}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="err" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function consentBox(form: TFormControls, path: string, label: ReactNode) {
  const id = fieldId(form.kind, path);
  const error = form.errorOf(path);
  return (
    <div className="check">
      <input
        type="checkbox"
        id={id}
        name={path}
        value="true"
        checked={form.values[path] === true}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(event) => {
          form.change(path, event.currentTarget.checked);
          form.leave(path);
        }}
      />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p className="err" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A field people never see or reach: what a bot types into it marks the submission as spam. */
export function honeypot(form: TFormControls) {
  const input = (event: { currentTarget: { value: string } }) =>
    form.change("website", event.currentTarget.value);
  return (
    <div className="sr" aria-hidden="true">
      <label>
        Website
        <input
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={String(form.values.website ?? "")}
          onInput={input}
          onChange={input}
        />
      </label>
    </div>
  );
}
