/** One of the two forms (lead or order): its fields and consents, checked as you type, sending. */
import { needsSharingConsent, type TWidgetConfig } from "@beian/contract";
import { useRef } from "react";
import type { TFormKind } from "../constants.ts";
import type { TStrings } from "../i18n.ts";
import { checkSubmission } from "../submission/submissionBody.ts";
import { useSubmission } from "../submission/useSubmission.ts";
import type { TResolvedOptions } from "../widgetOptions.ts";
import { privacyLabel, sharingLabel } from "./consentLabels.tsx";
import { done, telLink } from "./Done.tsx";
import { consentBox, field, honeypot, type TFormControls } from "./Field.tsx";
import { FIELDS } from "./fields.ts";
import { type TPreset, useFormValues } from "./useFormValues.ts";

export type TFormProps = {
  kind: TFormKind;
  config: TWidgetConfig;
  options: TResolvedOptions;
  t: TStrings;
  active: boolean;
  visible: boolean;
  preset: TPreset;
};

export function Form({ kind, config, options, t, active, visible, preset }: TFormProps) {
  const { lang, partner } = options;
  const types = config.filingTypes;
  const form = useRef<HTMLFormElement>(null);
  const [values, latest, touched, set, leave, reset] = useFormValues(types, preset, options.type);
  const submission = useSubmission(kind, options, t, visible, form, latest);

  const sharing = needsSharingConsent(partner);
  const checked = checkSubmission(kind, values, { partner }, lang);
  const errors = checked.ok ? {} : checked.error;
  const controls: TFormControls = {
    kind,
    t,
    lang,
    types,
    values,
    errorOf: (path) =>
      submission.serverErrors[path] ??
      (touched[path] || submission.submitted ? errors[path] : undefined),
    change: (path, value) => {
      set(path, value);
      submission.edited(path, value);
    },
    leave,
  };
  const again = () => {
    reset();
    submission.again();
  };

  return (
    <div
      role="tabpanel"
      id={`bw-panel-${kind}`}
      aria-labelledby={`bw-tab-${kind}`}
      hidden={!active}
    >
      {submission.created ? (
        done(kind, t, config, submission.created, again)
      ) : (
        <form ref={form} aria-label={t[`${kind}Form`]} noValidate onSubmit={submission.onSubmit}>
          {FIELDS[kind].map((spec) => field(controls, spec))}
          {consentBox(controls, "consent.privacy", privacyLabel(config, t))}
          {sharing && consentBox(controls, "consent.sharing", sharingLabel(config, t))}
          {honeypot(controls)}
          <p className="notice" aria-live="polite">
            {submission.notice}
          </p>
          {submission.phase === "failed" && (
            <p className="alert" role="alert">
              {t.failed} {telLink(config.contact.phone)}
            </p>
          )}
          {/* Looks ready until sent (pressing it says what is missing); only sending disables it. */}
          <button type="submit" className="submit" aria-disabled={submission.busy}>
            {submission.busy ? t.sending : t[`${kind}Submit`]}
          </button>
        </form>
      )}
    </div>
  );
}
