/**
 * Plain-text tables for the terminal: the bench's output is read by people, so figures line up
 * (numbers right-aligned, text left-aligned) and every table has a title.
 */

export type TCell = string | number | null | undefined;

function text(cell: TCell): string {
  if (cell === null || cell === undefined) return "–";
  return String(cell);
}

export function formatTable(title: string, headers: string[], rows: TCell[][]): string {
  const cells = rows.map((row) => headers.map((_, column) => text(row[column])));
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...cells.map((row) => (row[column] ?? "").length)),
  );
  // A column of figures ("12.3 kB", "< 15 s", 100, or missing) aligns right, so digits line up.
  const numeric = headers.map((_, column) =>
    rows.every((row) => {
      const cell = row[column];
      const value = text(cell);
      return value === "" || value === "–" || /^[<>≤≥]?\s*-?\d/.test(value);
    }),
  );
  const line = (values: string[]) =>
    values
      .map((value, column) =>
        numeric[column] ? value.padStart(widths[column] ?? 0) : value.padEnd(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [title, "", line(headers), rule, ...cells.map(line), ""].join("\n");
}

export function printTable(title: string, headers: string[], rows: TCell[][]): void {
  process.stdout.write(`\n${formatTable(title, headers, rows)}\n`);
}

/** Bytes as kB with one decimal (1 kB = 1000 B, as Lighthouse reports them); small ones as B. */
export function kB(bytes: number): string {
  return bytes < 1000 ? `${Math.round(bytes)} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
