/**
 * Sending one form: the check on submit, the pending store, retries and the server's answer, and
 * what the person is told meanwhile (the notice, the hotline after the last retry, the result).
 */
import type { TFieldErrors, TLead, TLeadCreated, TOrder, TOrderCreated } from "@beian/contract";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { TFormKind } from "../constants.ts";
import { emit, referenceOf } from "../events.ts";
import { CONSENT_FIELDS, FIELDS } from "../form/fields.ts";
import { fill, type TStrings } from "../i18n.ts";
import { fieldMessage } from "../validation/fieldMessages.ts";
import type { TResolvedOptions } from "../widgetOptions.ts";
import { sourceOf } from "./attribution.ts";
import {
  keepPending,
  newKey,
  savePending,
  storageOf,
  submit,
  type TOutcome,
  type TPending,
} from "./pending.ts";
import { checkSubmission, type TValues } from "./submissionBody.ts";

/** How far the sending got, what the form's live region says about it, and what was created. */
type TProgress = {
  phase: "idle" | "sending" | "retrying" | "failed";
  notice: string;
  created?: TLeadCreated | TOrderCreated;
};

/**
 * Moves focus to the first invalid control; returns the notice to announce: `text`, then the
 * errors of fields the form has no control for.
 */
function announce(
  kind: TFormKind,
  form: HTMLFormElement | null,
  fields: TFieldErrors,
  text: string,
): string {
  const order: string[] = [...FIELDS[kind].map((field) => field.path), ...CONSENT_FIELDS];
  const first = order.find((path) => fields[path]);
  if (first) form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  const others = Object.keys(fields).filter((path) => !order.includes(path));
  return [text, ...others.map((path) => fields[path])].join(" ").trim();
}

/**
 * Stores the submission in place of `replaces` (so nothing typed is lost), then sends it, telling
 * `show` how far it got; after the last failed attempt it stays stored and beian:error is sent.
 */
async function storeAndSend(
  entry: TPending,
  replaces: string | undefined,
  t: TStrings,
  show: (progress: TProgress) => void,
): Promise<TOutcome> {
  const storage = storageOf(window);
  savePending(storage, entry, replaces);
  show({ phase: "sending", notice: t.sending });
  const outcome = await submit(storage, entry, {
    fetch: (input, init) => fetch(input, init),
    onRetry: () => show({ phase: "retrying", notice: t.retrying }),
  });
  if (outcome.type === "failed") {
    show({ phase: "failed", notice: "" });
    emit("beian:error", { code: outcome.code, message: t.failed });
  }
  return outcome;
}

/**
 * `visible`: the form is on screen (the time to fill it in counts from then); `form`: to focus its
 * first invalid control; `values`: the latest values, also for a submit that comes before the
 * re-render (autofill, then Enter).
 */
export function useSubmission(
  kind: TFormKind,
  options: TResolvedOptions,
  t: TStrings,
  visible: boolean,
  form: { current: HTMLFormElement | null },
  values: { current: TValues },
) {
  const { lang, partner } = options;
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<TFieldErrors>({});
  const [progress, setProgress] = useState<TProgress>({ phase: "idle", notice: "" });
  const shownAt = useRef(0);
  const key = useRef<string | undefined>(undefined);
  /** The key of this form's last stored attempt: an edited resubmission takes its place. */
  const last = useRef<string | undefined>(undefined);
  const busy = progress.phase === "sending" || progress.phase === "retrying";

  useEffect(() => {
    if (visible && !shownAt.current) shownAt.current = Date.now();
  }, [visible]);

  /** Sends the checked body and shows the answer: the result, or the server's field errors. */
  const send = async (body: TLead | TOrder) => {
    key.current ??= newKey();
    const entry: TPending = {
      kind,
      url: `${options.api}/api/public/${kind}s`,
      body,
      key: key.current,
      createdAt: Date.now(),
      lang,
    };
    const replaces = last.current;
    last.current = entry.key;
    const outcome = await storeAndSend(entry, replaces, t, setProgress);
    if (outcome.type === "failed") return;
    key.current = undefined;
    if (outcome.type === "created") {
      setProgress({ phase: "idle", notice: "", created: outcome.data });
      return emit("beian:submitted", { kind, reference: referenceOf(outcome.data) });
    }
    const { code, fields = {} } = outcome.error;
    const text = outcome.error.message || fieldMessage(code, lang);
    setServerErrors(fields);
    setProgress({ phase: "idle", notice: announce(kind, form.current, fields, text) });
    emit("beian:error", { code, message: text });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    const source = sourceOf(location.href, document.referrer);
    const elapsedMs = Date.now() - (shownAt.current || Date.now());
    const checked = checkSubmission(kind, values.current, { partner, source, elapsedMs }, lang);
    if (checked.ok) return void send(checked.data);
    const fix = fill(t.fix, { n: Object.keys(checked.error).length });
    const notice = announce(kind, form.current, checked.error, fix);
    setProgress((current) => ({ ...current, notice }));
  };

  /**
   * A field was edited: its server error goes, and the next submission gets a new key. A consent
   * box unticked (the only `false`) withdraws consent: what this tab keeps of this form (also from
   * an earlier page) is deleted, and the notice that it is kept goes with it.
   */
  const edited = (path: string, value: string | boolean) => {
    setServerErrors(({ [path]: _, ...rest }) => rest);
    key.current = undefined;
    if (value === false) {
      keepPending(storageOf(window), (entry) => entry.kind !== kind);
      if (progress.phase === "failed") setProgress({ phase: "idle", notice: "" });
    }
  };

  /** "Start another": the form as if it had just been shown. */
  const again = () => {
    setSubmitted(false);
    setProgress({ phase: "idle", notice: "" });
    shownAt.current = Date.now();
  };

  return { ...progress, busy, serverErrors, submitted, onSubmit, edited, again };
}
