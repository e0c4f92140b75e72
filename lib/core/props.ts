import { Construct } from "constructs";
import { HybridlinkError } from "./errors";
import { accountIdProblem, nameProblem } from "./identifiers";

/**
 * Run-time checks of construct props, for programs TypeScript does not check
 * (plain JavaScript, `as any`, JSON read at run time). They catch what would
 * otherwise surface as a raw TypeError deep inside a construct (`cidrs: null`,
 * a `device` that is `{}`, NaN) and say where, which prop, what was received
 * and what is allowed. Domain values (CIDR syntax, regions, bandwidth sets)
 * are left to the rule catalog, which reports them all at once at synth.
 */

/** One prop that is not what the construct accepts. */
export interface PropProblem {
  /** Dotted prop name, e.g. `primary.device` or `cidrs[1]`. */
  readonly prop: string;
  /** A short rendering of the value received (never a secret's value). */
  readonly received: string;
  /** What the prop accepts. */
  readonly allowed: string;
}

const PROPS_ERROR = "HL-PROPS-001";

/** A construct refused its props: every problem at once, each with the construct path. */
export class ConstructPropsError extends HybridlinkError {
  /** True for a ConstructPropsError from any copy of the library. */
  public static isConstructPropsError(x: unknown): x is ConstructPropsError {
    return HybridlinkError.isHybridlinkError(x) && (x).code === PROPS_ERROR;
  }

  constructor(
    /** Path of the construct that refused its props (`<app>` for the app itself). */
    public readonly path: string,
    /** The construct's class, e.g. `Vpc`. */
    public readonly construct: string,
    public readonly problems: readonly PropProblem[],
  ) {
    super(
      PROPS_ERROR,
      `[${path}] [${PROPS_ERROR}] ${construct} cannot be built from these props:\n` +
        problems.map((p) => `  ${p.prop}: received ${p.received}; expected ${p.allowed}.`).join("\n"),
    );
    this.name = "ConstructPropsError";
  }
}

/** Appends the problems of `value` (the prop named `prop`) to `out`. */
export type PropCheck = (value: unknown, prop: string, out: PropProblem[]) => void;

/** Checks per prop name. */
export type PropShape = Readonly<Record<string, PropCheck>>;

/** A short, safe rendering of a received value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the prop is missing)";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return value.length > 60 ? `a string of ${value.length} characters ('${value.slice(0, 20)}…')` : JSON.stringify(value);
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (Construct.isConstruct(value)) return `the construct '${value.node.path || "<app>"}' (${value.constructor.name})`;
  const keys = Object.keys(value);
  return keys.length === 0 ? "{}" : `an object with ${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", …" : ""}`;
}

/** A check from a predicate and the words for what it allows. */
function simple(allowed: string, test: (v: unknown) => boolean, show: (v: unknown) => string = describeValue): PropCheck {
  return (value, prop, out) => {
    if (!test(value)) out.push({ prop, received: show(value), allowed });
  };
}

/** The building blocks of prop shapes. Each check refuses `undefined` unless wrapped in `optional`. */
export const is = {
  /** Any string (`nonEmpty`: at least one non-blank character). */
  string(allowed = "a string", nonEmpty = true): PropCheck {
    return simple(allowed, (v) => typeof v === "string" && (!nonEmpty || v.trim() !== ""));
  },
  /** A display name: see `nameProblem`. */
  name(): PropCheck {
    return (value, prop, out) => {
      const problem = nameProblem(value);
      if (problem) out.push({ prop, received: describeValue(value), allowed: problem });
    };
  },
  /** An account ID: see `accountIdProblem`. */
  account(): PropCheck {
    return (value, prop, out) => {
      const problem = accountIdProblem(value);
      if (problem) out.push({ prop, received: describeValue(value), allowed: problem });
    };
  },
  /** A finite number, optionally a whole one and not below `min`. */
  number(options: { integer?: boolean; min?: number; unit?: string } = {}): PropCheck {
    const words = [options.integer ? "a whole number" : "a finite number", options.min !== undefined ? `of at least ${options.min}` : "", options.unit ? `(${options.unit})` : ""];
    return simple(
      words.filter(Boolean).join(" "),
      (v) => typeof v === "number" && Number.isFinite(v) && (!options.integer || Number.isInteger(v)) && (options.min === undefined || v >= options.min),
    );
  },
  boolean(): PropCheck {
    return simple("true or false", (v) => typeof v === "boolean");
  },
  /** One of a fixed set of strings. */
  oneOf(values: readonly string[]): PropCheck {
    return simple(`one of ${values.map((v) => JSON.stringify(v)).join(", ")}`, (v) => typeof v === "string" && values.includes(v));
  },
  /** An array whose items each pass `item` (`nonEmpty`: at least one). */
  list(item: PropCheck, what: string, nonEmpty = false): PropCheck {
    return (value, prop, out) => {
      if (!Array.isArray(value) || (nonEmpty && value.length === 0)) {
        out.push({ prop, received: describeValue(value), allowed: `an array of ${what}${nonEmpty ? " (at least one)" : ""}` });
        return;
      }
      value.forEach((v, i) => item(v, `${prop}[${i}]`, out));
    };
  },
  /** An array of strings (CIDR blocks, addresses): their syntax is the rules' to judge. */
  strings(what: string, nonEmpty = false): PropCheck {
    return is.list(is.string(`a string (${what.replace(/s$/, "")})`, false), what, nonEmpty);
  },
  /** A value the guard recognises (a construct of some class, a SecretValue). */
  instance(allowed: string, guard: (v: unknown) => boolean, show?: (v: unknown) => string): PropCheck {
    return simple(allowed, guard, show);
  },
  /** A plain object whose fields pass `shape`. */
  object(shape: PropShape, allowed = "an object"): PropCheck {
    return (value, prop, out) => {
      if (!isPlainObject(value)) {
        out.push({ prop, received: describeValue(value), allowed });
        return;
      }
      checkShape(value, shape, `${prop}.`, out);
    };
  },
  /** The first alternative whose `accepts` holds judges the value; none does → one problem naming them all. */
  either(allowed: string, ...alternatives: readonly { accepts: (v: unknown) => boolean; check: PropCheck }[]): PropCheck {
    return (value, prop, out) => {
      const chosen = alternatives.find((a) => a.accepts(value));
      if (chosen) chosen.check(value, prop, out);
      else out.push({ prop, received: describeValue(value), allowed });
    };
  },
  /** `undefined` (the prop left out) is fine; anything else must pass `check`. */
  optional(check: PropCheck): PropCheck {
    return (value, prop, out) => {
      if (value !== undefined) check(value, prop, out);
    };
  },
};

/** True for `{ ... }` that is not null, an array or a construct. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Construct.isConstruct(value);
}

function checkShape(value: Record<string, unknown>, shape: PropShape, prefix: string, out: PropProblem[]): void {
  for (const [name, check] of Object.entries(shape)) check(value[name], prefix + name, out);
}

/** The problems of a props object (undefined stands for `{}`) against `shape`. */
export function propProblems(props: unknown, shape: PropShape): PropProblem[] {
  const problems: PropProblem[] = [];
  if (props === undefined) checkShape({}, shape, "", problems);
  else if (!isPlainObject(props)) problems.push({ prop: "props", received: describeValue(props), allowed: "an object" });
  else checkShape(props, shape, "", problems);
  return problems;
}

/**
 * Checks a construct's scope, id and props before the construct joins the
 * tree (so a refused construct leaves nothing half-built behind) and returns
 * the props, typed. Throws one ConstructPropsError listing every problem.
 * `across` judges props together once each passes (e.g. a region or a VPC).
 */
export function checkProps<P>(
  scope: unknown,
  id: unknown,
  construct: string,
  props: unknown,
  shape: PropShape,
  across?: (props: Record<string, unknown>) => PropProblem | undefined,
): P {
  const problems: PropProblem[] = [];
  const parent = Construct.isConstruct(scope) ? scope.node.path : undefined;
  if (parent === undefined) problems.push({ prop: "scope", received: describeValue(scope), allowed: "a construct: the NetworkApp or a construct inside it" });
  if (typeof id !== "string" || id.trim() === "") problems.push({ prop: "id", received: describeValue(id), allowed: "a non-empty string, unique among its siblings" });
  else if (Construct.isConstruct(scope) && scope.node.tryFindChild(id) !== undefined) {
    const taken = scope.node.tryFindChild(id)!;
    problems.push({ prop: "id", received: describeValue(id), allowed: `an id no other child of '${parent || "<app>"}' has ('${id}' is already its ${taken.constructor.name})` });
  }
  const given = propProblems(props, shape);
  problems.push(...given);
  if (given.length === 0) {
    const combined = across?.((props ?? {}) as Record<string, unknown>);
    if (combined) problems.push(combined);
  }
  if (problems.length > 0) {
    const name = typeof id === "string" && id !== "" ? id : "<no id>";
    throw new ConstructPropsError(parent ? `${parent}/${name}` : name, construct, problems);
  }
  return (props ?? {}) as P;
}
