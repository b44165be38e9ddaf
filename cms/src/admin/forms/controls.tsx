/** The look of the admin's own form controls and their error line, shared by its custom forms. */

/** A text input or select, in the admin theme's colours. */
export const input = {
  width: "100%",
  padding: "0.4rem 0.5rem",
  border: "1px solid var(--theme-elevation-150)",
  borderRadius: "var(--style-radius-s)",
  background: "var(--theme-input-bg)",
  color: "var(--theme-text)",
  font: "inherit",
} as const;

const errorText = { color: "var(--theme-error-500)", margin: 0, fontSize: "0.9em" } as const;

/** An error or refusal, read out when it appears; nothing without text. */
export function Alert({ text }: { text: string | null | undefined }) {
  return text ? (
    <p role="alert" style={errorText}>
      {text}
    </p>
  ) : null;
}
