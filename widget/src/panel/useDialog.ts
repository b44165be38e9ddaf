/**
 * Opening and closing the widget and which form it shows: the controls behind the launcher, the
 * close button and window.BeianWidget.open() / .close(), and the dialog's keyboard behaviour.
 */
import { useEffect, useRef, useState } from "react";
import { KINDS, type TFormKind } from "../constants.ts";
import { CONTROL } from "../form/fields.ts";
import type { TPreset } from "../form/useFormValues.ts";

/**
 * `type`: a filing type to select; `province`: the entity's province (order form), e.g. "zhejiang",
 * or "" to clear it.
 */
export type TOpenOptions = { form?: TFormKind; type?: string; province?: string };
export type TControls = { open(options?: TOpenOptions): void; close(): void };

const FOCUSABLE = `a[href],button:not([tabindex='-1']),${CONTROL},[tabindex='0']`;

/** Returns: whether the panel is open, the form shown, how to show the other, preset, controls. */
export function useDialog(
  floating: boolean,
  /** The filing type the forms start with (`data-type`). */
  type: string | undefined,
  panel: { current: HTMLElement | null },
  launcher: { current: HTMLButtonElement | null },
) {
  const [open, setOpen] = useState(!floating);
  const [form, setForm] = useState<TFormKind>("lead");
  const [preset, setPreset] = useState<TPreset>({ type, n: 0 });
  const [focusRequest, setFocusRequest] = useState(0);
  const controls = useRef<TControls>({ open() {}, close() {} });
  /** What had focus when the closed dialog was opened: it gets it back when there is no launcher. */
  const opener = useRef<HTMLElement | null>(null);

  controls.current = {
    open(request = {}) {
      if (!open) opener.current = document.activeElement as HTMLElement | null;
      if (KINDS.includes(request.form as TFormKind)) setForm(request.form as TFormKind);
      const { type: slug, province } = request;
      // province "" is a request too: the page's province choice was cleared, so is the form's.
      if (slug || province !== undefined) {
        setPreset((current) => ({ type: slug, province, n: current.n + 1 }));
      }
      setOpen(true);
      setFocusRequest((n) => n + 1);
    },
    close() {
      if (!floating) return;
      setOpen(false);
      (launcher.current ?? opener.current)?.focus();
    },
  };

  // Floating: open() moves focus into the dialog. Inline: open() only picks the form and type (the
  // site calls it on load; taking focus or scrolling there would pull the page away from the reader).
  useEffect(() => {
    if (!focusRequest || !floating) return;
    panel.current?.querySelector<HTMLElement>(`[role=tabpanel]:not([hidden]) ${CONTROL}`)?.focus();
  }, [focusRequest, floating, panel]);

  // While the dialog is open: Escape closes it, Tab and Shift+Tab stay inside (also when focus
  // was left on the page, e.g. after a click outside).
  useEffect(() => {
    const root = panel.current;
    if (!floating || !open || !root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") controls.current.close();
      else if (event.key === "Tab") keepTabInside(root, event);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [floating, open, panel]);

  return [open, form, setForm, preset, controls] as const;
}

/** Tab from the last item (Shift+Tab from the first), or from outside, wraps around. */
function keepTabInside(root: HTMLElement, event: KeyboardEvent): void {
  const items = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (item) => !item.closest("[hidden]"),
  );
  const first = items[0];
  const last = items[items.length - 1];
  const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
  const inside = items.some((item) => item === active);
  if (!inside || active === (event.shiftKey ? first : last)) {
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  }
}
