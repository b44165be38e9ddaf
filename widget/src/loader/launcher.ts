/**
 * The loader's launcher: the same button, in the same place, as the form's (the form script's
 * `.launcher`, styled by the launcher rules of styles.css that the build extracts into the loader),
 * so the form takes over without a visible change.
 */
import launcherCss from "../launcher.css";
import { onColor, primaryColor } from "../theme.ts";
import type { TResolvedOptions } from "../widgetOptions.ts";

const LABEL = { "zh-CN": "在线咨询", en: "Contact us" };
/** Widget.tsx's icon, so that nothing changes when the form's launcher takes over. */
const ICON =
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M3 3h18v14H7l-4 4z"/></svg>';

/** Renders the launcher into the host's shadow root; returns the button. */
export function showLauncher(
  host: HTMLElement,
  options: TResolvedOptions,
  colour: string | null | undefined,
): HTMLButtonElement {
  const root = host.attachShadow({ mode: "open" });
  const primary = primaryColor(colour);
  root.innerHTML = `<style>${launcherCss}</style><div class="bw" lang="${options.lang}" style="--bw-primary:${primary};--bw-on-primary:${onColor(primary)}"><button class="launcher" aria-expanded="false" aria-haspopup="dialog">${ICON}${LABEL[options.lang]}</button></div>`;
  return root.querySelector("button") as HTMLButtonElement;
}
