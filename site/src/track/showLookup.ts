/**
 * /track/'s answer on the page: the order's number as a heading (focused, so a screen reader reads
 * on from there), then its parts (renderTrack). A module of its own because the page loads it only
 * when a visitor reaches for the form: a page view before that costs the page's small script alone.
 */
import type { TOrderLookupAnswer } from "@beian/contract";
import { el, renderTrack } from "./renderTrack.ts";
import { type TTrackLabels, trackView } from "./trackView.ts";

/** The form's data attributes the page's words come from. */
export type TLookupTexts = { labels?: string | undefined; rejection?: string | undefined };

export function showLookup(result: HTMLElement, answer: TOrderLookupAnswer, texts: TLookupTexts) {
  const labels = JSON.parse(texts.labels ?? "{}") as TTrackLabels;
  const view = trackView(answer, labels, Date.now());
  const heading = el("h2", view.orderNo);
  result.append(heading, ...renderTrack(view, labels, texts.rejection ?? "", 3));
  heading.setAttribute("tabindex", "-1");
  heading.focus();
}
