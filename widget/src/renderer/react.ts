/**
 * What the embed build gives the widget for "react": the renderer's elements and hooks. Source
 * that runs on both this and React must stick to what both handle alike: `onInput` next to
 * `onChange` for text, DOM property names (`className`, `htmlFor`, `tabIndex`), string styles.
 */
export { createElement, Fragment } from "./element.ts";
export { useEffect, useRef, useState } from "./hooks.ts";
