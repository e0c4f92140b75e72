import { stripVTControlCharacters } from "util";

/** One column of a text table. */
export interface Column {
  readonly header: string;
  /**
   * Right-align (numbers).
   *
   * @default false
   */
  readonly right?: boolean;
}

/**
 * A plain text table: a header row, a rule, then one line per row, columns
 * padded to their widest cell. Widths ignore ANSI colour codes so coloured
 * cells line up.
 */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, indent = ""): string {
  const widths = columns.map((c, i) => Math.max(visibleLength(c.header), ...rows.map((r) => visibleLength(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    (indent + cells.map((cell, i) => pad(cell, widths[i], columns[i].right === true)).join("  ")).trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Length as a terminal shows it (colour codes take no room). */
export function visibleLength(text: string): number {
  return stripVTControlCharacters(text).length;
}

function pad(text: string, width: number, right: boolean): string {
  const room = " ".repeat(Math.max(0, width - visibleLength(text)));
  return right ? room + text : text + room;
}
