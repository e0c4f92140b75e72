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
