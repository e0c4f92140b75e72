/**
 * Matchers for `Template.hasResource` and friends, after aws-cdk-lib/assertions'
 * `Match`: a plain object in a pattern matches partially and deeply
 * (`objectLike`), a plain array matches element by element, anything else
 * by equality; the static methods below change that where needed.
 */

/** Where a pattern did not match, and why. */
export interface MatchFailure {
  /** The property path in the actual value (`props.cidrs[0]`); empty at the top. */
  readonly path: string;
  readonly message: string;
}

/** A pattern that checks a value. */
export abstract class Matcher {
  /** True for a matcher, whichever copy of the library made it. */
  public static isMatcher(x: unknown): x is Matcher {
    return typeof x === "object" && x !== null && MATCHER in x;
  }

  constructor() {
    Object.defineProperty(this, MATCHER, { value: true });
  }

  /** The failures of `actual` against this pattern; none means it matches. */
  public abstract test(actual: unknown, path: string): MatchFailure[];
}

const MATCHER = Symbol.for("hybridlink.testing.Matcher");

/** The matchers, by what they accept. */
export class Match {
  /** The key must be missing (or undefined). */
  public static absent(): Matcher {
    return new AbsentMatcher();
  }

  /** Any value but undefined. */
  public static anyValue(): Matcher {
    return new PredicateMatcher("any value", (v) => v !== undefined && v !== null);
  }

  /** Every key of the pattern is present and matches, deeply; other keys are ignored. */
  public static objectLike(pattern: Record<string, unknown>): Matcher {
    return new ObjectMatcher(pattern, true);
  }

  /** Exactly the pattern's keys, each matching. */
  public static objectEquals(pattern: Record<string, unknown>): Matcher {
    return new ObjectMatcher(pattern, false);
  }

  /** An array containing elements matching each pattern, in this order (others may come between). */
  public static arrayWith(patterns: readonly unknown[]): Matcher {
    return new ArrayWithMatcher(patterns);
  }

  /** Deep equality, no partial matching inside. */
  public static exact(value: unknown): Matcher {
    return new PredicateMatcher(`exactly ${show(value)}`, (v) => JSON.stringify(canonical(v)) === JSON.stringify(canonical(value)));
  }

  /** A string matching the regular expression. */
  public static stringLikeRegexp(pattern: string | RegExp): Matcher {
    const re = typeof pattern === "string" ? new RegExp(pattern) : pattern;
    return new PredicateMatcher(`a string matching ${re}`, (v) => typeof v === "string" && re.test(v));
  }

  /** Anything the pattern does not match. */
  public static not(pattern: unknown): Matcher {
    return new PredicateMatcher(`not ${show(pattern)}`, (v) => matchValue(pattern, v, "").length > 0);
  }
}

/** The failures of `actual` against a pattern (a matcher or a literal). */
export function matchValue(pattern: unknown, actual: unknown, path: string): MatchFailure[] {
  if (Matcher.isMatcher(pattern)) return pattern.test(actual, path);
  if (Array.isArray(pattern)) {
    if (!Array.isArray(actual)) return [{ path, message: `expected an array, got ${show(actual)}` }];
    if (actual.length !== pattern.length) return [{ path, message: `expected ${pattern.length} elements, got ${actual.length}: ${show(actual)}` }];
    return pattern.flatMap((p, i) => matchValue(p, actual[i], `${path}[${i}]`));
  }
  if (typeof pattern === "object" && pattern !== null) return new ObjectMatcher(pattern as Record<string, unknown>, true).test(actual, path);
  return Object.is(pattern, actual) ? [] : [{ path, message: `expected ${show(pattern)}, got ${show(actual)}` }];
}

class ObjectMatcher extends Matcher {
  constructor(
    private readonly pattern: Record<string, unknown>,
    private readonly partial: boolean,
  ) {
    super();
  }

  public test(actual: unknown, path: string): MatchFailure[] {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return [{ path, message: `expected an object, got ${show(actual)}` }];
    const record = actual as Record<string, unknown>;
    const failures: MatchFailure[] = [];
    for (const [key, p] of Object.entries(this.pattern)) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in record) && !(p instanceof AbsentMatcher)) failures.push({ path: at, message: "missing" });
      else failures.push(...matchValue(p, record[key], at));
    }
    if (!this.partial) {
      for (const key of Object.keys(record)) if (!(key in this.pattern)) failures.push({ path: path ? `${path}.${key}` : key, message: "unexpected key" });
    }
    return failures;
  }
}

class ArrayWithMatcher extends Matcher {
  constructor(private readonly patterns: readonly unknown[]) {
    super();
  }

  public test(actual: unknown, path: string): MatchFailure[] {
    if (!Array.isArray(actual)) return [{ path, message: `expected an array, got ${show(actual)}` }];
    let next = 0;
    for (const [i, p] of this.patterns.entries()) {
      while (next < actual.length && matchValue(p, actual[next], "").length > 0) next++;
      if (next === actual.length) return [{ path, message: `no element matches pattern ${i} (${show(p)}) in order in ${show(actual)}` }];
      next++;
    }
    return [];
  }
}

class AbsentMatcher extends Matcher {
  public test(actual: unknown, path: string): MatchFailure[] {
    return actual === undefined ? [] : [{ path, message: `expected no value, got ${show(actual)}` }];
  }
}

class PredicateMatcher extends Matcher {
  constructor(
    private readonly description: string,
    private readonly accepts: (value: unknown) => boolean,
  ) {
    super();
  }

  public test(actual: unknown, path: string): MatchFailure[] {
    return this.accepts(actual) ? [] : [{ path, message: `expected ${this.description}, got ${show(actual)}` }];
  }
}

/** A value with object keys sorted at every depth: the stable form for equality and snapshots. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function show(value: unknown): string {
  if (Matcher.isMatcher(value)) return value.constructor.name;
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
