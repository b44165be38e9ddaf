/// <reference types="astro/client" />

interface Window {
  /** Defined by the widget script (widget/): CONTRACT §6. */
  BeianWidget?: {
    open: (options?: { form?: "lead" | "order"; type?: string }) => void;
    close: () => void;
  };
}
