/**
 * A labelled select with a placeholder option and the server's error for it: the lead conversion's
 * province and filing type, the rejection form's item and reason.
 */
import { Alert, input } from "./controls.tsx";

export type TSelectOption = { value: string; label: string };

export function SelectField(props: {
  id: string;
  label: string;
  /** The empty first option (请选择…). */
  placeholder: string;
  options: readonly TSelectOption[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
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
        <option value="">{props.placeholder}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Alert text={props.error} />
    </div>
  );
}
