/** "react-dom/client" for the embed build. */
export { createRoot } from "./tree.ts";
