"use client";
/**
 * The reference a partner's developer needs beside the snippets: the embed tag's attributes, the
 * events on `document` with their `detail`, the error codes and what to do about each, and the
 * JavaScript controls. Names are shown as code; everything said about them in the admin's language.
 */
import type { ReactNode } from "react";
import type { TReferenceTexts } from "./texts.ts";

const cell = { padding: "6px 8px", borderBottom: "1px solid var(--theme-elevation-100)" };
const codeCell = { ...cell, whiteSpace: "nowrap" as const, verticalAlign: "top" as const };

/** A two-column table: a name as code, and what it means. */
function Table({ head, rows }: { head: [string, string]; rows: [string, ReactNode][] }) {
  return (
    <table style={{ borderCollapse: "collapse", width: "100%", fontSize: 13 }}>
      <thead>
        <tr>
          {head.map((title) => (
            <th key={title} style={{ ...cell, textAlign: "left" }}>
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, meaning]) => (
          <tr key={name}>
            <td style={codeCell}>
              <code>{name}</code>
            </td>
            <td style={cell}>{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Text with `…` parts shown as code: "默认 `floating`" → 默认 <code>floating</code>. */
export function withCode(text: string): ReactNode {
  return text
    .split("`")
    .map((part, i) => (i % 2 ? <code key={`${i}-${part}`}>{part}</code> : part));
}

export function EmbedReference({ texts }: { texts: TReferenceTexts }) {
  const rows = (entries: Record<string, string>): [string, ReactNode][] =>
    Object.entries(entries).map(([name, meaning]) => [name, withCode(meaning)]);
  return (
    <section aria-labelledby="embed-reference-heading" style={{ display: "grid", gap: "0.75rem" }}>
      <h3 id="embed-reference-heading" style={{ margin: 0 }}>
        {texts.heading}
      </h3>
      <h4 style={{ margin: 0 }}>{texts.attributesHeading}</h4>
      <Table head={texts.attributeColumns} rows={rows(texts.attributes)} />
      <h4 style={{ margin: 0 }}>{texts.eventsHeading}</h4>
      <p style={{ margin: 0 }}>{withCode(texts.eventsIntro)}</p>
      <Table head={texts.eventColumns} rows={rows(texts.events)} />
      <h4 style={{ margin: 0 }}>{texts.codesHeading}</h4>
      <Table head={texts.codeColumns} rows={rows(texts.codes)} />
      <h4 style={{ margin: 0 }}>{texts.controlsHeading}</h4>
      <Table head={texts.controlColumns} rows={rows(texts.controls)} />
    </section>
  );
}
