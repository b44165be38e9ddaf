/**
 * Lexical rich text (as Payload stores it) to semantic HTML, at build time. Only the node types
 * the CMS's editor produces are rendered; text is escaped and a link the contract's `safeLink`
 * refuses (not http(s), mailto, tel, a fragment or a path on this site) renders as its text alone.
 */
import { escapeHtml, safeLink } from "@beian/contract";

type TNode = {
  type?: string;
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  url?: string;
  fields?: { url?: string; newTab?: boolean };
  children?: TNode[];
};

const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
};

function text(node: TNode): string {
  let html = escapeHtml(node.text ?? "").replace(/\n/g, "<br>");
  const format = typeof node.format === "number" ? node.format : 0;
  if (format & FORMAT.code) html = `<code>${html}</code>`;
  if (format & FORMAT.bold) html = `<strong>${html}</strong>`;
  if (format & FORMAT.italic) html = `<em>${html}</em>`;
  if (format & FORMAT.underline) html = `<u>${html}</u>`;
  if (format & FORMAT.strikethrough) html = `<s>${html}</s>`;
  if (format & FORMAT.subscript) html = `<sub>${html}</sub>`;
  if (format & FORMAT.superscript) html = `<sup>${html}</sup>`;
  return html;
}

function render(node: TNode, headingOffset: number): string {
  const children = () =>
    (node.children ?? []).map((child) => render(child, headingOffset)).join("");
  switch (node.type) {
    case "root":
      return children();
    case "text":
      return text(node);
    case "linebreak":
      return "<br>";
    case "paragraph": {
      const inner = children();
      return inner ? `<p>${inner}</p>` : "";
    }
    case "heading": {
      const level = Math.min(6, Number((node.tag ?? "h2").slice(1)) + headingOffset);
      return `<h${level}>${children()}</h${level}>`;
    }
    case "quote":
      return `<blockquote>${children()}</blockquote>`;
    case "list": {
      const tag = node.listType === "number" ? "ol" : "ul";
      return `<${tag}>${children()}</${tag}>`;
    }
    case "listitem":
      return `<li>${children()}</li>`;
    case "link":
    case "autolink": {
      const href = safeLink(node.fields?.url ?? node.url);
      if (!href) return children();
      const external = /^https?:/i.test(href);
      const rel = external ? ' rel="noopener noreferrer"' : "";
      const target = external && node.fields?.newTab ? ' target="_blank"' : "";
      return `<a href="${escapeHtml(href)}"${target}${rel}>${children()}</a>`;
    }
    case "horizontalrule":
      return "<hr>";
    default:
      return children();
  }
}

/**
 * @param headingOffset shifts heading levels so a document's h2 sits under the page's own
 *   headings (an article under an h3 title renders its h2 as h4).
 */
export function richTextToHtml(doc: unknown, headingOffset = 0): string {
  const root = (doc as { root?: TNode } | null | undefined)?.root;
  return root ? render(root, headingOffset) : "";
}
