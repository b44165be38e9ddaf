/** "react/jsx-runtime" for the embed build (esbuild's automatic JSX). */
export { Fragment, jsx, jsx as jsxs } from "./element.ts";
