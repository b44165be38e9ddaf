/**
 * v1/form.js, the form script the loader (loader/loader.ts, v1/widget.js) adds when the visitor
 * reaches for the widget: the Preact widget, in Chinese (English comes from v1/form-en.js when the
 * tag asks for it). It defines nothing global: it hands its mount function to the loader on its
 * own <script> element (loader/handoff.ts), resends what this tab kept unsent, and renders into
 * the host the loader placed.
 */
// biome-ignore-all assist/source/organizeImports: the bundle's order follows these imports (below)
// The widget's texts first in the bundle, next to the contract's messages (the Chinese strings side
// by side compress better than with Preact or the CSS between them).
import "./i18n.ts";
import "./validation/fieldMessages.ts";
import { createRoot } from "react-dom/client";
import { readyAlreadySaid } from "./events.ts";
import { shadowMount } from "./host.ts";
import { STRINGS, type TEnglish } from "./i18n.ts";
import { ENGLISH_SCRIPT, handOver, loadScript, type THandoff } from "./loader/handoff.ts";
import { resendPending } from "./submission/resendPending.ts";
import { registerEnglishMessages } from "./validation/fieldMessages.ts";
import { Widget } from "./Widget.tsx";
// The stylesheet last, after the interface whose class names it styles: 47 B less gzipped.
import css from "./styles.css";

/** The English texts, from their own chunk, the first time an English widget needs them. */
async function withLanguage(handoff: THandoff): Promise<void> {
  if (STRINGS[handoff.options.lang]) return;
  const english = await loadScript<TEnglish>(handoff.base + ENGLISH_SCRIPT);
  STRINGS.en = english.strings;
  registerEnglishMessages(english.messages);
}

function mountForm(handoff: THandoff): void {
  const { options, config, host, bind } = handoff;
  if (handoff.ready) readyAlreadySaid();
  resendPending();
  withLanguage(handoff).then(
    () =>
      createRoot(shadowMount(host, css)).render(
        <Widget config={config} options={options} bind={bind} />,
      ),
    // Without its texts the English widget cannot render: the Chinese one serves instead.
    () =>
      createRoot(shadowMount(host, css)).render(
        <Widget config={config} options={{ ...options, lang: "zh-CN" }} bind={bind} />,
      ),
  );
}

handOver(mountForm);
