/** One of the two forms (lead or order): fields, consent, validation as you type, sending. */
import {
  message,
  needsSharingConsent,
  PROVINCES,
  type TApiErrorCode,
  type TFieldErrors,
} from "@beian/contract";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { sourceOf } from "./attribution.ts";
import type { TConfig, TResolved } from "./config.ts";
import type { TFormKind } from "./constants.ts";
import { emit, referenceOf } from "./events.ts";
import { fill, type TStrings } from "./i18n.ts";
import { CONSENT_FIELDS, check, FIELDS, type TValues } from "./payload.ts";
import { newKey, savePending, storageOf, submit, type TPending } from "./pending.ts";

type TPhase = "idle" | "sending" | "retrying" | "failed";
type TDone = { reference: string; materials?: string[] };
type TSpec = {
  type?: "tel" | "email" | "select" | "textarea";
  ac?: string;
  optional?: boolean;
  options?: [string, string][];
  hint?: string;
};

export type TFormProps = {
  kind: TFormKind;
  config: TConfig;
  options: TResolved;
  t: TStrings;
  active: boolean;
  visible: boolean;
  /** A filing type to select; `n` changes on every request (open({ type })). */
  preset: { type?: string; n: number };
};

/** The form controls a person fills in (not the honeypot). */
export const CONTROL = "input:not([tabindex='-1']),select,textarea";

export function Form({ kind, config, options, t, active, visible, preset }: TFormProps) {
  const { lang, partner } = options;
  const types = config.filingTypes;
  const known = (slug?: string) => (types.some((type) => type.slug === slug) ? slug : undefined);
  const [values, setValues] = useState<TValues>(() => ({ filingType: known(preset.type) ?? "" }));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<TFieldErrors>({});
  const [phase, setPhase] = useState<TPhase>("idle");
  const [notice, setNotice] = useState("");
  const [done, setDone] = useState<TDone | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const shownAt = useRef(0);
  const key = useRef<string | undefined>(undefined);
  /** The key of this form's last stored attempt: an edited resubmission takes its place. */
  const last = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (visible && !shownAt.current) shownAt.current = Date.now();
  }, [visible]);

  useEffect(() => {
    const slug = types.some((type) => type.slug === preset.type) ? preset.type : undefined;
    if (preset.n && slug) setValues((current) => ({ ...current, filingType: slug }));
  }, [preset, types]);

  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);

  const sharing = needsSharingConsent(partner);
  const result = check(kind, values, { partner }, lang);
  const errors: TFieldErrors = result.ok ? {} : result.error;
  const errorOf = (path: string) =>
    server[path] ?? (touched[path] || submitted ? errors[path] : undefined);
  const consented =
    values["consent.privacy"] === true && (!sharing || values["consent.sharing"] === true);
  const busy = phase === "sending" || phase === "retrying";

  // A field's error shows once it was edited and left (or on submit): moving through the form,
  // or the focus landing on the first field when the dialog opens, does not flag empty fields.
  const edited = useRef<Record<string, boolean>>({});
  // The latest values, also for a submit that comes before the re-render (autofill, then Enter).
  const latest = useRef(values);
  latest.current = values;
  const set = (path: string, value: string | boolean) => {
    latest.current = { ...latest.current, [path]: value };
    edited.current[path] = true;
    setValues(latest.current);
    setServer(({ [path]: _, ...rest }) => rest);
    key.current = undefined;
  };
  const touch = (path: string) => {
    if (edited.current[path]) setTouched((current) => ({ ...current, [path]: true }));
  };

  /** Announces the errors and moves focus to the first invalid control. */
  const report = (fields: TFieldErrors, text?: string) => {
    const order: string[] = [...FIELDS[kind], ...CONSENT_FIELDS];
    const others = Object.keys(fields)
      .filter((path) => !order.includes(path))
      .map((path) => fields[path]);
    setNotice([text ?? fill(t.fix, { n: Object.keys(fields).length }), ...others].join(" ").trim());
    const first = order.find((path) => fields[path]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    const checked = check(
      kind,
      latest.current,
      {
        partner,
        source: sourceOf(location.href, document.referrer),
        elapsedMs: Date.now() - (shownAt.current || Date.now()),
      },
      lang,
    );
    if (!checked.ok) return report(checked.error);
    key.current ??= newKey();
    const entry: TPending = {
      kind,
      url: `${options.api}/api/public/${kind}s`,
      body: checked.data,
      key: key.current,
      createdAt: Date.now(),
      lang,
    };
    const storage = storageOf(window);
    savePending(storage, entry, last.current);
    last.current = entry.key;
    setPhase("sending");
    setNotice(t.sending);
    const outcome = await submit(storage, entry, {
      fetch: (input, init) => fetch(input, init),
      onRetry: () => {
        setPhase("retrying");
        setNotice(t.retrying);
      },
    });
    if (outcome.type === "failed") {
      setPhase("failed");
      setNotice("");
      emit("beian:error", { code: outcome.code, message: t.failed });
      return;
    }
    setPhase("idle");
    key.current = undefined;
    if (outcome.type === "created") {
      const reference = referenceOf(kind, outcome.data);
      const materials = outcome.data.materials;
      setNotice("");
      setDone({
        reference,
        ...(Array.isArray(materials) ? { materials: materials.map(String) } : {}),
      });
      emit("beian:submitted", { kind, reference });
      return;
    }
    const { code, fields = {} } = outcome.error;
    const text = outcome.error.message || message(code as TApiErrorCode, lang);
    setServer(fields);
    report(fields, text);
    emit("beian:error", { code, message: text });
  };

  const reset = () => {
    setValues({ filingType: known(options.type) ?? "" });
    setTouched({});
    edited.current = {};
    setSubmitted(false);
    setDone(null);
    shownAt.current = Date.now();
  };

  const id = (path: string) => `bw-${kind}-${path.replace(".", "-")}`;

  const field = (path: string, spec: TSpec = {}): ReactNode => {
    const error = errorOf(path);
    const hint = spec.hint;
    const described = [hint && `${id(path)}-hint`, error && `${id(path)}-err`].filter(Boolean);
    const input = (event: { currentTarget: { value: string } }) =>
      set(path, event.currentTarget.value);
    const common = {
      id: id(path),
      name: path,
      value: String(values[path] ?? ""),
      "aria-invalid": error ? true : undefined,
      "aria-required": spec.optional ? undefined : true,
      "aria-describedby": described.join(" ") || undefined,
      onInput: input,
      onChange: input,
      onBlur: () => touch(path),
    };
    return (
      <div className="field" key={path}>
        <label htmlFor={id(path)}>
          {t[path as keyof TStrings]}
          {spec.optional && <span className="opt">{t.optional}</span>}
        </label>
        {spec.type === "select" ? (
          <select {...common}>
            <option value="">{t.choose}</option>
            {spec.options?.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        ) : spec.type === "textarea" ? (
          <textarea rows={3} {...common} />
        ) : (
          <input
            type={spec.type ?? "text"}
            autoComplete={spec.ac ?? "off"}
            inputMode={spec.type === "tel" ? "tel" : undefined}
            {...common}
          />
        )}
        {hint && (
          <p className="hint" id={`${id(path)}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p className="err" id={`${id(path)}-err`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  const checkbox = (path: string, label: ReactNode): ReactNode => {
    const error = errorOf(path);
    return (
      <div className="check" key={path}>
        <input
          type="checkbox"
          id={id(path)}
          name={path}
          value="true"
          checked={values[path] === true}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id(path)}-err` : undefined}
          onChange={(event) => {
            set(path, event.currentTarget.checked);
            touch(path);
          }}
        />
        <label htmlFor={id(path)}>{label}</label>
        {error && (
          <p className="err" id={`${id(path)}-err`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  const typeOptions = types.map((type): [string, string] => [type.slug, type.name]);
  const audience = types.find((type) => type.slug === values.filingType)?.audience;
  const typeSpec: TSpec = {
    type: "select",
    options: typeOptions,
    ...(audience ? { hint: audience } : {}),
  };
  const privacy = privacyLabel(config.consent.privacyText, config.consent.privacyUrl, t);

  return (
    <div
      role="tabpanel"
      id={`bw-panel-${kind}`}
      aria-labelledby={`bw-tab-${kind}`}
      hidden={!active}
    >
      {done ? (
        <div className="done" role="status" tabIndex={-1} ref={status}>
          <p className="done-title">{kind === "lead" ? t.leadDone : t.orderDone}</p>
          <p>
            {kind === "lead" ? t.reference : t.orderNo}: <strong>{done.reference}</strong>
          </p>
          {done.materials?.length ? (
            <>
              <p>{t.materials}</p>
              <ul>
                {done.materials.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" className="ghost" onClick={reset}>
            {t.again}
          </button>
        </div>
      ) : (
        <form
          ref={form}
          aria-label={kind === "lead" ? t.leadForm : t.orderForm}
          noValidate
          onSubmit={onSubmit}
        >
          {kind === "lead"
            ? [
                field("name", { ac: "name" }),
                field("phone", { type: "tel", ac: "tel" }),
                field("email", { type: "email", ac: "email", optional: true }),
                field("company", { ac: "organization", optional: true }),
                field("filingType", { ...typeSpec, optional: true }),
                field("message", { type: "textarea", optional: true }),
              ]
            : [
                field("filingType", typeSpec),
                field("contact.name", { ac: "name" }),
                field("contact.phone", { type: "tel", ac: "tel" }),
                field("contact.email", { type: "email", ac: "email", optional: true }),
                field("entity.name", { ac: "organization", optional: true, hint: t.entityHint }),
                field("entity.province", {
                  type: "select",
                  options: PROVINCES.map((p) => [p.code, lang === "en" ? p.en : p.zh]),
                }),
                field("miniProgram.name", { optional: true }),
                field("miniProgram.appId", { optional: true, hint: t.appIdHint }),
                field("note", { type: "textarea", optional: true }),
              ]}
          {checkbox("consent.privacy", privacy)}
          {sharing && checkbox("consent.sharing", sharingLabel(config, t))}
          <div className="hp" aria-hidden="true">
            <label>
              Website
              <input
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={String(values.website ?? "")}
                onInput={(event) => set("website", event.currentTarget.value)}
                onChange={(event) => set("website", event.currentTarget.value)}
              />
            </label>
          </div>
          <p className="notice" aria-live="polite">
            {notice}
          </p>
          {phase === "failed" && (
            <p className="alert" role="alert">
              {t.failed}{" "}
              <a href={`tel:${config.contact.phone.replace(/[^\d+]/g, "")}`}>
                {config.contact.phone}
              </a>
            </p>
          )}
          <button type="submit" className="submit" aria-disabled={!consented || busy}>
            {busy ? t.sending : kind === "lead" ? t.submitLead : t.submitOrder}
          </button>
        </form>
      )}
    </div>
  );
}

/** The sharing consent names the partner, whatever the configured wording says. */
function sharingLabel({ consent, partner }: TConfig, t: TStrings): string {
  const text = consent.sharingText || fill(t.sharing, { p: partner.name });
  return text.includes(partner.name) ? text : text + fill(t.sharedWith, { p: partner.name });
}

/** The privacy text with its 《…》 part (or an added one) linking to the notice in a new tab. */
function privacyLabel(text: string, url: string, t: TStrings): ReactNode {
  const match = /《[^》]*》/.exec(text);
  const link = (label: string) => (
    <a href={url} target="_blank" rel="noopener">
      {label}
      <span className="sr">{t.newTab}</span>
    </a>
  );
  if (!match) {
    return (
      <>
        {text} {link(t.privacy)}
      </>
    );
  }
  return (
    <>
      {text.slice(0, match.index)}
      {link(match[0])}
      {text.slice(match.index + match[0].length)}
    </>
  );
}
