import { CloudError } from "./errors";

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Milliseconds in a duration: a number of seconds, or a string of one or more
 * `<number><unit>` parts with units ms, s, m, h, d, w ("7d", "90s", "1h30m").
 */
export function parseDuration(value: number | string, action: string): number {
  let ms: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw badDuration(value, action);
    ms = Math.round(value * 1000);
  } else {
    const text = value.trim();
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
    if (!parts.length || parts.map((p) => p[0]).join("") !== text.replace(/\s+/g, "")) throw badDuration(value, action);
    ms = Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]], 0));
  }
  // Our own bounds (an assumption: no cloud has this verb). Moving by nothing is a mistake, not a request;
  // beyond ten years every pending peering, rekey and health check of the drill is long over.
  if (ms < 1 || ms > MAX_ADVANCE_MS) throw badDuration(value, action);
  return ms;
}

/** The longest single advance: ten years (3650 days). */
const MAX_ADVANCE_MS = 3650 * 86_400_000;

function badDuration(value: unknown, action: string): CloudError {
  return new CloudError(
    "InvalidParameterValue.Duration",
    `${action}: ${JSON.stringify(value)} is not a usable duration. Give a positive amount of at most 3650d (ten years): ` +
      `seconds as a number (90) or a string such as "90s", "5m", "7d", "1h30m" or "1500ms".`,
  );
}
