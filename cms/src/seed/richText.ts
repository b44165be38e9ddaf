/**
 * Builds Lexical editor state (what Payload's richText fields store) from plain text, for the seed.
 * Only the node types the default editor ships are used: paragraph, heading, list, link, text.
 */

type TTextNode = {
  type: "text";
  text: string;
  format: number;
  detail: 0;
  mode: "normal";
  style: "";
  version: 1;
};
type TLinkNode = {
  type: "link";
  fields: { url: string; newTab: boolean; linkType: "custom" };
  children: TTextNode[];
  direction: "ltr";
  format: "";
  indent: 0;
  version: 3;
};
type TInline = TTextNode | TLinkNode;
type TBlockNode = {
  type: string;
  children: (TInline | TBlockNode)[];
  direction: "ltr";
  format: "";
  indent: 0;
  version: 1;
  [key: string]: unknown;
};

export type TRichText = {
  root: {
    type: "root";
    children: TBlockNode[];
    direction: "ltr";
    format: "";
    indent: 0;
    version: 1;
  };
};

const BOLD = 1;

const text = (value: string, format = 0): TTextNode => ({
  type: "text",
  text: value,
  format,
  detail: 0,
  mode: "normal",
  style: "",
  version: 1,
});

/** Inline content: a string, `**bold**` spans, and `[label](https://…)` links. */
function inline(source: string): TInline[] {
  const nodes: TInline[] = [];
  const pattern = /\*\*(.+?)\*\*|\[(.+?)\]\((https?:\/\/[^)\s]+)\)/g;
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    if (match.index > last) nodes.push(text(source.slice(last, match.index)));
    if (match[1] !== undefined) nodes.push(text(match[1], BOLD));
    else if (match[2] !== undefined && match[3] !== undefined) {
      nodes.push({
        type: "link",
        fields: { url: match[3], newTab: true, linkType: "custom" },
        children: [text(match[2])],
        direction: "ltr",
        format: "",
        indent: 0,
        version: 3,
      });
    }
    last = match.index + match[0].length;
  }
  if (last < source.length) nodes.push(text(source.slice(last)));
  return nodes;
}

const block = (type: string, children: TBlockNode["children"], extra = {}): TBlockNode => ({
  type,
  children,
  direction: "ltr",
  format: "",
  indent: 0,
  version: 1,
  ...extra,
});

export const paragraph = (source: string): TBlockNode =>
  block("paragraph", inline(source), { textFormat: 0, textStyle: "" });

export const heading = (tag: "h2" | "h3" | "h4", source: string): TBlockNode =>
  block("heading", inline(source), { tag });

export const list = (kind: "bullet" | "number", items: string[]): TBlockNode =>
  block(
    "list",
    items.map((item, index) => block("listitem", inline(item), { value: index + 1 })),
    { listType: kind, start: 1, tag: kind === "number" ? "ol" : "ul" },
  );

export type TBlock = TBlockNode;

/** A document: strings become paragraphs; use `heading()`/`list()` for the rest. */
export function richText(...blocks: (string | TBlockNode)[]): TRichText {
  return {
    root: {
      type: "root",
      children: blocks.map((item) => (typeof item === "string" ? paragraph(item) : item)),
      direction: "ltr",
      format: "",
      indent: 0,
      version: 1,
    },
  };
}

/** The plain text of a document, for tests and search snippets. */
export function plainText(doc: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const record = node as { text?: unknown; children?: unknown; root?: unknown };
    if (typeof record.text === "string") parts.push(record.text);
    if (record.root) walk(record.root);
    if (Array.isArray(record.children)) {
      for (const child of record.children) walk(child);
      const type = (node as { type?: string }).type;
      if (type !== "root" && type !== "link" && type !== "autolink") parts.push("\n");
    }
  };
  walk(doc);
  return parts.join("").replace(/\n+/g, "\n").trim();
}
