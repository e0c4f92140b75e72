import { CloudError } from "./errors";

/** A JSON object as the API takes and returns it. */
export type JsonObject = Record<string, unknown>;

/**
 * Reads one request's parameters (or a nested object of them) with errors that
 * name the parameter, what was received and what is expected. Every key read
 * is remembered so that `done()` can refuse the ones nobody asked for.
 * Secret parameters are never echoed.
 */
export class ParamReader {
  /** A reader over `params`, which must be a plain object. */
  public static of(params: unknown, action: string, path = ""): ParamReader {
    if (params === undefined || params === null) return new ParamReader({}, action, path);
    if (typeof params !== "object" || Array.isArray(params)) {
      throw new CloudError(
        "InvalidParameter",
        `${action}: ${path ? `'${path}'` : "the parameters"} must be a JSON object, received ${show(params)}.`,
      );
    }
    return new ParamReader(params as JsonObject, action, path);
  }

  private readonly seen = new Set<string>();

  private constructor(
    private readonly raw: JsonObject,
    public readonly action: string,
    private readonly path: string,
  ) {}

  /** True when the key is present (and not undefined). */
  public has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  /** The keys present in the request. */
  public keys(): string[] {
    return Object.keys(this.raw).filter((k) => this.raw[k] !== undefined);
  }

  /** The dotted name of a parameter, for messages. */
  public nameOf(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }

  public string(name: string, options: { secret?: boolean } = {}): string {
    const v = this.optionalString(name, options);
    if (v === undefined) throw this.missing(name, "a string");
    return v;
  }

  public optionalString(name: string, options: { secret?: boolean } = {}): string | undefined {
    const v = this.take(name);
    if (v === undefined) return undefined;
    if (typeof v !== "string") throw this.invalid(name, v, "a string", options.secret);
    return v;
  }

  public number(name: string, options: { integer?: boolean } = {}): number {
    const v = this.optionalNumber(name, options);
    if (v === undefined) throw this.missing(name, options.integer ? "an integer" : "a number");
    return v;
  }

  public optionalNumber(name: string, options: { integer?: boolean } = {}): number | undefined {
    const v = this.take(name);
    if (v === undefined) return undefined;
    const ok = typeof v === "number" && Number.isFinite(v) && (!options.integer || Number.isInteger(v));
    if (!ok) throw this.invalid(name, v, options.integer ? "an integer" : "a finite number");
    return v;
  }

  public boolean(name: string): boolean {
    const v = this.optionalBoolean(name);
    if (v === undefined) throw this.missing(name, "true or false");
    return v;
  }

  public optionalBoolean(name: string): boolean | undefined {
    const v = this.take(name);
    if (v === undefined) return undefined;
    if (typeof v !== "boolean") throw this.invalid(name, v, "true or false");
    return v;
  }

  public stringArray(name: string): string[] {
    const v = this.optionalStringArray(name);
    if (v === undefined) throw this.missing(name, "an array of strings");
    return v;
  }

  public optionalStringArray(name: string): string[] | undefined {
    const v = this.take(name);
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw this.invalid(name, v, "an array of strings");
    return [...(v as string[])];
  }

  /** The raw value of a parameter, marked as read (for checks that compare rather than parse it). */
  public value(name: string): unknown {
    return this.take(name);
  }

  /** A string parameter's value without reading it (a wrapper checks it before the action proper reads it); undefined if absent or not a string. */
  public peekString(name: string): string | undefined {
    const v = this.raw[name];
    return typeof v === "string" ? v : undefined;
  }

  /** One of a fixed set of strings. */
  public oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const v = this.string(name);
    if (!allowed.includes(v as T)) throw this.invalid(name, v, `one of ${allowed.join(", ")}`);
    return v as T;
  }

  public object(name: string): ParamReader {
    const r = this.optionalObject(name);
    if (!r) throw this.missing(name, "an object");
    return r;
  }

  public optionalObject(name: string): ParamReader | undefined {
    const v = this.take(name);
    if (v === undefined) return undefined;
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw this.invalid(name, v, "an object");
    return new ParamReader(v as JsonObject, this.action, this.nameOf(name));
  }

  public objectArray(name: string): ParamReader[] {
    const v = this.take(name);
    if (v === undefined) throw this.missing(name, "an array of objects");
    if (!Array.isArray(v)) throw this.invalid(name, v, "an array of objects");
    return v.map((item, i) => ParamReader.of(item, this.action, `${this.nameOf(name)}[${i}]`));
  }

  /** Refuses any parameter that was not read: a typo must not be silently ignored. */
  public done(): void {
    const unknown = this.keys().filter((k) => !this.seen.has(k));
    if (unknown.length) {
      throw new CloudError(
        "UnknownParameter",
        `${this.action} does not take ${unknown.map((k) => `'${this.nameOf(k)}'`).join(", ")}. ` +
          `It takes: ${[...this.seen].map((k) => this.nameOf(k)).join(", ") || "no parameters"}.`,
      );
    }
  }

  /** An InvalidParameterValue-style error about one parameter. */
  public error(code: string, name: string, message: string): CloudError {
    return new CloudError(code, `${this.action}: '${this.nameOf(name)}' ${message}`);
  }

  private take(name: string): unknown {
    this.seen.add(name);
    return this.raw[name] === null ? undefined : this.raw[name];
  }

  private missing(name: string, expected: string): CloudError {
    return new CloudError("MissingParameter", `${this.action} needs '${this.nameOf(name)}' (${expected}); it is missing.`);
  }

  private invalid(name: string, value: unknown, expected: string, secret = false): CloudError {
    const received = secret ? `a ${typeof value} (not shown: it is a secret)` : show(value);
    return new CloudError("InvalidParameter", `${this.action}: '${this.nameOf(name)}' must be ${expected}, received ${received}.`);
  }
}

/** A short rendering of a received value for messages. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
