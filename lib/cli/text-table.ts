/**
 * A plain-text table for the terminal: columns padded to their widest cell (up
 * to a cap), long text wrapped onto further lines at word boundaries, numbers
 * aligned right; rows that wrap are set apart by a blank line. Used by `strata segments`.
 */

export interface TextColumn {
  header: string;
  /** Longest line in this column; longer cells wrap. */
  maxWidth: number;
  align?: "left" | "right";
}

/** Splits text into lines of at most `width` characters, breaking at spaces (a longer word is cut). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > width) {
        if (line) {
          lines.push(line);
          line = "";
        }
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * @example renderTable([{ header: "Segment", maxWidth: 12 }, { header: "Users", maxWidth: 8, align: "right" }], [["Power users", "1,204"]])
 *   // "Segment      Users\n-----------  -----\nPower users  1,204\n"
 */
export function renderTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, c) =>
    Math.min(column.maxWidth, Math.max(column.header.length, ...rows.map((row) => Math.max(...(row[c] ?? "").split("\n").map((line) => line.length))))),
  );
  const pad = (text: string, c: number) => (columns[c]!.align === "right" ? text.padStart(widths[c]!) : text.padEnd(widths[c]!));
  const renderRow = (cells: readonly string[]) => {
    const wrapped = columns.map((_, c) => wrapText(cells[c] ?? "", widths[c]!));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    const lines: string[] = [];
    for (let l = 0; l < height; l++) lines.push(wrapped.map((cell, c) => pad(cell[l] ?? "", c)).join("  ").trimEnd());
    return lines.join("\n");
  };
  const rendered = rows.map(renderRow);
  // Once any row wraps, a blank line between rows shows where one ends and the next begins.
  const separator = rendered.some((row) => row.includes("\n")) ? "\n\n" : "\n";
  const head = `${renderRow(columns.map((column) => column.header))}\n${widths.map((width) => "-".repeat(width)).join("  ")}`;
  return `${[head, rendered.join(separator)].filter(Boolean).join("\n")}\n`;
}
