/**
 * Errors for people: every error names what it is about, a stable code, the
 * value received, what is allowed and how to fix it.
 */

/** Marker so that two copies of the library still recognise each other's errors. */
const HYBRIDLINK_ERROR = Symbol.for("hybridlink.HybridlinkError");

export class HybridlinkError extends Error {
  /** True for any error raised by hybridlink, whichever copy of the library raised it. */
  public static isHybridlinkError(x: unknown): x is HybridlinkError {
    return typeof x === "object" && x !== null && HYBRIDLINK_ERROR in x;
  }

  /** Stable code, e.g. a rule ID or a cloud error code. */
  public readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = "HybridlinkError";
    Object.defineProperty(this, HYBRIDLINK_ERROR, { value: true });
  }
}

/**
 * A JSON value as message text: strings and numbers as they are (so messages
 * read naturally), anything else as JSON, never `[object Object]`.
 */
export function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return value.toString();
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? typeof value;
}
