/**
 * What the widget uses of "react", from Preact's core and hooks (the embed build aliases "react"
 * here; preact/compat would add ~1.3 KiB gzip for features the widget does not use). Source that
 * runs on both must stick to what Preact's core handles the React way: `onInput` next to
 * `onChange` for text, DOM property names (`className`, `htmlFor`, `tabIndex`).
 */
import { useState } from "preact/hooks";

export { createElement, Fragment } from "preact";
export { useEffect, useState } from "preact/hooks";

/** React's useRef on useState (one hook less in the bundle than Preact's useRef on useMemo). */
export const useRef = <T>(initial: T): { current: T } => useState(() => ({ current: initial }))[0];
