/**
 * What the widget uses of "react", from Preact's core and the widget's own two hooks (the embed
 * build aliases "react" here; preact/compat would add ~1.3 KiB gzip, preact/hooks ~1 KiB, for
 * features the widget does not use). Source that runs on both must stick to what Preact's core
 * handles the React way: `onInput` next to `onChange` for text, DOM property names (`className`,
 * `htmlFor`, `tabIndex`).
 */
import { useState } from "./hooks.ts";

export { createElement, Fragment } from "preact";
export { useEffect, useState } from "./hooks.ts";

/** React's useRef on useState: the same object for the component's life. */
export const useRef = <T>(initial: T): { current: T } => useState(() => ({ current: initial }))[0];
