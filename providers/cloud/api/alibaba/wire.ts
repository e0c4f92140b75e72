import { CloudError } from "../../errors";
import { zeroOf } from "../shapes";
import { ALIBABA_MODELS } from "./models.generated";

/**
 * Alibaba RPC parameters to and from the SDK's model classes: the query's
 * PascalCase wire names (lists flattened 1-based, `Tags.1.Key`) become the
 * model's camelCase properties with their declared types; a response's
 * camelCase properties become wire names, every declared field present.
 */

/** A model object with its methods stripped (what handlers take and return). */
export type Plain<T> = T extends (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]?: Plain<T[K]> }
    : T;

interface Field {
  readonly property: string;
  readonly wire: string;
  readonly type: string;
}

function fieldsOf(modelName: string): Field[] {
  const model = ALIBABA_MODELS[modelName];
  if (!model) throw new Error(`no Alibaba model ${modelName}`);
  return Object.entries(model).map(([property, spec]) => {
    const space = spec.indexOf(" ");
    return { property, wire: spec.slice(0, space), type: spec.slice(space + 1) };
  });
}

const isModel = (type: string): boolean => ALIBABA_MODELS[type.replace(/\[\]$/, "")] !== undefined;

function scalar(value: string, type: string, name: string): unknown {
  if (type === "number") {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n)) throw new CloudError("InvalidParameter", `The parameter ${name} must be a number; received '${value}'.`);
    return n;
  }
  if (type === "boolean") {
    if (value !== "true" && value !== "false") throw new CloudError("InvalidParameter", `The parameter ${name} must be true or false; received '${value}'.`);
    return value === "true";
  }
  return value;
}

/** The request object of `modelName` from flat wire parameters (`Tags.1.Key=…`); unknown parameters are refused. */
export function readRequest(modelName: string, params: ReadonlyMap<string, string>): Record<string, unknown> {
  const used = new Set<string>();
  const out = readModel(modelName, params, "", used);
  const unknown = [...params.keys()].filter((k) => !used.has(k));
  if (unknown.length) {
    throw new CloudError("UnknownParameter", `The parameter ${unknown.join(", ")} is not a parameter of this action. Check its spelling against the API reference.`);
  }
  return out;
}

function readModel(modelName: string, params: ReadonlyMap<string, string>, prefix: string, used: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(modelName)) {
    const name = `${prefix}${f.wire}`;
    if (f.type.endsWith("[]")) {
      const item = f.type.slice(0, -2);
      const list: unknown[] = [];
      for (let i = 1; ; i++) {
        const at = `${name}.${i}`;
        if (isModel(item)) {
          if (![...params.keys()].some((k) => k.startsWith(`${at}.`))) break;
          list.push(readModel(item, params, `${at}.`, used));
        } else {
          const v = params.get(at);
          if (v === undefined) break;
          used.add(at);
          list.push(scalar(v, item, at));
        }
      }
      if (list.length) out[f.property] = list;
    } else if (isModel(f.type)) {
      if ([...params.keys()].some((k) => k.startsWith(`${name}.`))) out[f.property] = readModel(f.type, params, `${name}.`, used);
    } else {
      const v = params.get(name);
      if (v === undefined) continue;
      used.add(name);
      out[f.property] = scalar(v, f.type, name);
    }
  }
  return out;
}

function typeOk(value: unknown, type: string): boolean {
  if (type.endsWith("[]")) return Array.isArray(value);
  if (type === "string") return typeof value === "string";
  if (type === "number") return typeof value === "number" && Number.isFinite(value);
  if (type === "boolean") return typeof value === "boolean";
  if (type === "any") return true;
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The wire form of a response object: wire names, every declared field present in its declared type. */
export function writeResponse(modelName: string, value: Record<string, unknown> | undefined, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(modelName)) {
    const given = value?.[f.property];
    const nested = isModel(f.type);
    const inner = f.type.replace(/\[\]$/, "");
    if (given === undefined || given === null || !typeOk(given, f.type)) {
      out[f.wire] = nested && !f.type.endsWith("[]") && depth < 4 ? writeResponse(inner, undefined, depth + 1) : zeroOf(f.type);
    } else if (nested) {
      out[f.wire] = f.type.endsWith("[]")
        ? (given as Record<string, unknown>[]).map((v) => writeResponse(inner, v, depth + 1))
        : writeResponse(inner, given as Record<string, unknown>, depth + 1);
    } else {
      out[f.wire] = given;
    }
  }
  return out;
}
