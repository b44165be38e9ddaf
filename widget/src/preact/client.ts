/** "react-dom/client" for the embed build: createRoot on Preact's render. */
import { type ComponentChild, render } from "preact";

export function createRoot(container: Element | DocumentFragment) {
  return { render: (children: ComponentChild) => render(children, container) };
}
