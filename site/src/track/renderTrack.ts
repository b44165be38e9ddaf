/**
 * An order's state as elements, from `trackView`: the state in words, a rejection's reasons and
 * fixes, and the stages as they went. Shared by /track/ (one order) and /my/ (each of the
 * customer's orders); the look is styles/track.css, under `.track-result`.
 */
import type { TTrackLabels, TTrackView } from "./trackView.ts";

export function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The state in words: type, stage, deadline, number, then what to do now. */
function summary(view: TTrackView): HTMLElement {
  const card = el("div", undefined, `track-summary tone-${view.tone}`);
  const facts = el("dl");
  for (const [term, value] of view.facts) facts.append(el("dt", term), el("dd", value));
  card.append(facts);
  if (view.nextStep) {
    const next = el("p", undefined, "track-next");
    next.append(el("strong", `${view.nextStep[0]}:`), view.nextStep[1]);
    card.append(next);
  }
  return card;
}

/** Each rejected item with its reason, then how to fix it. */
function reasons(view: TTrackView, labels: TTrackLabels): HTMLElement {
  const list = el("ul", undefined, "track-reasons");
  for (const item of view.rejection) {
    const row = el("li");
    row.append(el("strong", `${item.field}:`), item.reason);
    if (item.suggestion) row.append(el("p", `${labels.trackSuggestion}:${item.suggestion}`));
    list.append(row);
  }
  return list;
}

function timeline(view: TTrackView, labels: TTrackLabels, headingTag: string): HTMLElement {
  const list = el("ol", undefined, "timeline track-timeline");
  for (const stage of view.stages) {
    const item = el("li", undefined, `stage-${stage.state}`);
    item.dataset.stage = stage.key;
    item.dataset.state = stage.state;
    if (stage.state !== "done" && stage.state !== "pending")
      item.setAttribute("aria-current", "step");
    const title = el(headingTag, stage.title);
    if (stage.note) title.append(" ", el("span", stage.note, "track-badge"));
    item.append(title);
    if (stage.at) item.append(el("p", stage.at, "muted"));
    if (stage.deadline) {
      item.append(el("p", `${labels.trackDeadline}:${stage.deadline}`, "track-deadline"));
    }
    list.append(item);
  }
  return list;
}

/**
 * The order's parts in reading order. `level` is the heading level of the rejection's heading and
 * of the stages' titles, below the page's heading for the order.
 */
export function renderTrack(
  view: TTrackView,
  labels: TTrackLabels,
  rejectionHeading: string,
  level: 2 | 3,
): HTMLElement[] {
  const parts = [summary(view)];
  if (view.rejection.length) parts.push(el(`h${level}`, rejectionHeading), reasons(view, labels));
  parts.push(timeline(view, labels, `h${level}`));
  return parts;
}
