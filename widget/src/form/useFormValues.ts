/** What is typed into one form, and which fields were edited and then left. */
import { PROVINCE_CODES, type TWidgetFilingType } from "@beian/contract";
import { useEffect, useRef, useState } from "react";
import type { TValues } from "../submission/submissionBody.ts";

/**
 * A filing type and a province to select (unknown ones are ignored; province "" clears it); `n`
 * changes on every request (open({ type, province })).
 */
export type TPreset = { type?: string | undefined; province?: string | undefined; n: number };

/** The slug if it is one of the filing types offered. */
const known = (types: readonly TWidgetFilingType[], slug?: string) =>
  types.some((type) => type.slug === slug) ? slug : undefined;

/**
 * Returns the values, a ref to the latest ones (also for a submit that comes before the re-render:
 * autofill, then Enter), the fields edited and left, and how to set, leave and reset.
 */
export function useFormValues(
  types: readonly TWidgetFilingType[],
  preset: TPreset,
  /** The filing type a fresh form starts with (the embed's `data-type`). */
  initialType: string | undefined,
) {
  const [values, setValues] = useState<TValues>(() => ({
    filingType: known(types, preset.type) ?? "",
  }));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  // A field's error shows once it was edited and left (or on submit): moving through the form,
  // or the focus landing on the first field when the dialog opens, does not flag empty fields.
  const edited = useRef<Record<string, boolean>>({});
  const latest = useRef(values);
  latest.current = values;

  useEffect(() => {
    const { n, type, province } = preset;
    if (!n) return;
    setValues((current) => ({
      ...current,
      filingType: known(types, type) ?? current.filingType,
      ...((province === "" || PROVINCE_CODES.includes(province as never)) && {
        "entity.province": province,
      }),
    }));
  }, [preset, types]);

  const set = (path: string, value: string | boolean) => {
    latest.current = { ...latest.current, [path]: value };
    edited.current[path] = true;
    setValues(latest.current);
  };
  const leave = (path: string) => {
    if (edited.current[path]) setTouched((current) => ({ ...current, [path]: true }));
  };
  /** A fresh form: nothing typed, edited or left. */
  const reset = () => {
    setValues({ filingType: known(types, initialType) ?? "" });
    setTouched({});
    edited.current = {};
  };

  return [values, latest, touched, set, leave, reset] as const;
}
