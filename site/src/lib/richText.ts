/**
 * Lexical rich text (as Payload stores it) to semantic HTML, at build time. Only the node types
 * the CMS's editor produces are rendered; text is escaped and a link the contract's `safeLink`
 * refuses (not http(s), mailto, tel, a fragment or a path on this site) renders as its text alone.
 * Phone numbers in the text (400-998-6176, a mobile or a landline with its area code) become
 * `tel:` links, so a reader on a phone calls with a tap.
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

/**
 * A hotline (400/800 + 7 digits), a mainland mobile (1 + 10 digits) or a landline with its area
 * code (0 + 2–3 digits, then 7–8), digits grouped by spaces or hyphens, not inside a longer number.
 */
const PHONE =
  /(?<![\w-])(?:[48]00[- ]?\d{3}[- ]?\d{4}|1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}-\d{7,8})(?![\w-])/g;

/** Escaped text with its phone numbers as `tel:` links (the digits alone, as dialled). */
export function linkPhoneNumbers(plain: string): string {
  let html = "";
  let last = 0;
  for (const match of plain.matchAll(PHONE)) {
    const number = match[0];
    html += escapeHtml(plain.slice(last, match.index));
    html += `<a href="tel:${number.replace(/\D/g, "")}">${escapeHtml(number)}</a>`;
    last = match.index + number.length;
  }
  return html + escapeHtml(plain.slice(last));
}

function text(node: TNode, inLink: boolean): string {
  const plain = node.text ?? "";
  let html = (inLink ? escapeHtml(plain) : linkPhoneNumbers(plain)).replace(/\n/g, "<br>");
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

function render(node: TNode, headingOffset: number, inLink = false): string {
  const children = (withinLink = inLink) =>
    (node.children ?? []).map((child) => render(child, headingOffset, withinLink)).join("");
  switch (node.type) {
    case "root":
      return children();
    case "text":
      return text(node, inLink);
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
      if (!href) return children(false);
      const external = /^https?:/i.test(href);
      const rel = external ? ' rel="noopener noreferrer"' : "";
      const target = external && node.fields?.newTab ? ' target="_blank"' : "";
      return `<a href="${escapeHtml(href)}"${target}${rel}>${children(true)}</a>`;
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
