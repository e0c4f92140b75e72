import { valueText } from "../../core/errors";
import * as fs from "fs";
import { HybridlinkError } from "../../core/errors";
import { TrafficSample } from "./bill";

/** A sample as read from a figures file: which peering (when the file covers several) and the figures. */
export interface FileSample extends TrafficSample {
  /** Peering ID, name or logical ID; undefined when the file is for one peering. */
  readonly peering?: string;
}

/**
 * Bandwidth samples from a file: JSON (an array of `{ peering?, at, outMbps,
 * inMbps }`) or CSV with the header `peering,at,outMbps,inMbps` (peering
 * optional). `at` is an ISO time. A bad row names its line, field and value.
 */
export function readSamples(file: string): FileSample[] {
  if (!fs.existsSync(file)) throw new HybridlinkError("SamplesNotFound", `${file}: no such file`);
  const text = fs.readFileSync(file, "utf8");
  const rows = file.endsWith(".json") || text.trimStart().startsWith("[") ? jsonRows(file, text) : csvRows(file, text);
  return rows.map(({ where, row }) => toSample(where, row));
}

type RawRow = Record<string, unknown>;

function jsonRows(file: string, text: string): Array<{ where: string; row: RawRow }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new HybridlinkError("SamplesNotJson", `${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new HybridlinkError("SamplesShape", `${file}: expected an array of { peering?, at, outMbps, inMbps }.`);
  return parsed.map((row, i) => ({ where: `${file} item ${i}`, row: (row ?? {}) as RawRow }));
}

function csvRows(file: string, text: string): Array<{ where: string; row: RawRow }> {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const header = lines[0]?.split(",").map((h) => h.trim()) ?? [];
  for (const needed of ["at", "outMbps", "inMbps"]) {
    if (!header.includes(needed)) {
      throw new HybridlinkError("SamplesShape", `${file}: the CSV header must name at, outMbps and inMbps (and optionally peering); found '${lines[0] ?? ""}'.`);
    }
  }
  const out: Array<{ where: string; row: RawRow }> = [];
  lines.slice(1).forEach((line, i) => {
    if (!line || line.startsWith("#")) return;
    const cells = line.split(",").map((c) => c.trim());
    out.push({ where: `${file} line ${i + 2}`, row: Object.fromEntries(header.map((h, j) => [h, cells[j]])) });
  });
  return out;
}

function toSample(where: string, row: RawRow): FileSample {
  const at = Date.parse(String(row.at));
  if (Number.isNaN(at)) throw new HybridlinkError("SampleValue", `${where}: 'at' is ${JSON.stringify(row.at)}; give an ISO time such as 2025-01-01T08:05:00+08:00.`);
  const mbps = (field: "outMbps" | "inMbps"): number => {
    const value = typeof row[field] === "number" ? (row[field]) : Number(row[field]);
    if (row[field] === undefined || row[field] === "" || !Number.isFinite(value) || value < 0) {
      throw new HybridlinkError("SampleValue", `${where}: '${field}' is ${JSON.stringify(row[field])}; give a non-negative number of Mbps.`);
    }
    return value;
  };
  const peering = row.peering === undefined || row.peering === "" ? undefined : valueText(row.peering);
  return { at, outMbps: mbps("outMbps"), inMbps: mbps("inMbps"), ...(peering ? { peering } : {}) };
}

/** A bandwidth given on the command line (`--out 30`): a non-negative number of Mbps. */
export function readMbpsFlag(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0) throw new HybridlinkError("UsageFigures", `${flag} is '${text}'; give a non-negative number of Mbps.`);
  return n;
}
