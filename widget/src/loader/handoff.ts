/**
 * How the loader (v1/widget.js) hands over to the form script (v1/form.js) without a global: the
 * loader listens on the <script> element it adds, and the form script, while it runs, dispatches
 * HANDOFF_EVENT on that element (its document.currentScript) with its mount function. The English
 * chunk (v1/form-en.js) reaches the form script the same way, with its texts.
 */
import type { TWidgetConfig } from "@beian/contract";
import type { TControls } from "../panel/useDialog.ts";
import type { TResolvedOptions } from "../widgetOptions.ts";

export const HANDOFF_EVENT = "beian:handoff";

/** The scripts beside the loader, in its own directory. */
export const FORM_SCRIPT = "form.js";
export const ENGLISH_SCRIPT = "form-en.js";

export type THandoff = {
  options: TResolvedOptions;
  config: TWidgetConfig;
  /** The host the loader placed (styled, in the page); the form fills its shadow root. */
  host: HTMLElement;
  /** The directory the loader was served from (ends with "/"). */
  base: string;
  /** Whether the loader already said beian:ready (it showed the launcher). */
  ready: boolean;
  /** Receives open/close once the form is mounted. */
  bind: (controls: TControls) => void;
};

export type TMountForm = (handoff: THandoff) => void;

/** Adds a classic script and resolves with what it hands over on its own element. */
export function loadScript<T>(src: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.addEventListener(HANDOFF_EVENT, (event) => resolve((event as CustomEvent<T>).detail));
    script.onerror = () => {
      script.remove();
      reject(new Error(`${src} could not be loaded`));
    };
    document.head.append(script);
  });
}

/** Run by a chunk's script: hands `value` to whoever added it (a no-op when loaded otherwise). */
export function handOver(value: unknown): void {
  document.currentScript?.dispatchEvent(new CustomEvent(HANDOFF_EVENT, { detail: value }));
}
