/**
 * Matrices in tests are written as text grids (rows: source, columns:
 * destination, `.` delivered, `-` self, otherwise the reason code); this
 * parses one into cells so spacing does not matter.
 */
export function parseGrid(text: string): string[][] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split(/\s+/));
}
