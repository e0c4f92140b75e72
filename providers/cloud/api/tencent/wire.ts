import { CloudError } from "../../errors";
import { zeroOf } from "../shapes";
import { TENCENT_MODELS } from "./models.generated";

/**
 * Requests checked against, and responses completed from, the SDK's models:
 * a field the model does not declare is UnknownParameter, a value of the wrong
 * type InvalidParameter; every declared response field is present with its
 * declared type (the engine's value, else the type's zero value).
 */

/** The model of a wire type (`Vpc`, `Vpc[]`); undefined for scalars. */
function modelOf(type: string): Readonly<Record<string, string>> | undefined {
  return TENCENT_MODELS[type.replace(/\[\]$/, "")];
}

function typeOk(value: unknown, type: string): boolean {
  if (type.endsWith("[]")) return Array.isArray(value);
  if (type === "string") return typeof value === "string";
  if (type === "number") return typeof value === "number" && Number.isFinite(value);
  if (type === "boolean") return typeof value === "boolean";
  if (type === "any") return true;
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Throws UnknownParameter / InvalidParameter for the first field that does not fit the model. */
export function checkRequest(modelName: string, value: unknown, path = ""): void {
  const model = TENCENT_MODELS[modelName];
  if (!model) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CloudError("InvalidParameter", `${path || "The request body"} must be a JSON object.`);
  }
  for (const [key, field] of Object.entries(value)) {
    const name = path ? `${path}.${key}` : key;
    const type = model[key];
    if (type === undefined) throw new CloudError("UnknownParameter", `The parameter '${name}' is not recognized. Check its spelling against the API reference.`);
    if (field === null) continue;
    if (!typeOk(field, type)) throw new CloudError("InvalidParameter", `The parameter '${name}' must be ${describe(type)}; received ${JSON.stringify(field)?.slice(0, 60)}.`);
    const nested = modelOf(type);
    if (!nested) {
      if (type.endsWith("[]") && type !== "any[]") {
        const item = type.slice(0, -2);
        (field as unknown[]).forEach((v, i) => {
          if (!typeOk(v, item)) throw new CloudError("InvalidParameter", `The parameter '${name}.${i}' must be ${describe(item)}.`);
        });
      }
      continue;
    }
    const inner = type.replace(/\[\]$/, "");
    if (type.endsWith("[]")) (field as unknown[]).forEach((v, i) => checkRequest(inner, v, `${name}.${i}`));
    else checkRequest(inner, field, name);
  }
}

function describe(type: string): string {
  if (type.endsWith("[]")) return `an array of ${describe(type.slice(0, -2))}`;
  return type === "string" || type === "number" || type === "boolean" ? `a ${type}` : `an object (${type})`;
}

/** A model's fields, compiled once: name, type, and the nested model a field holds (if any). */
interface Field {
  readonly key: string;
  readonly type: string;
  readonly list: boolean;
  /** The nested model's name, when the field holds one (or a list of them). */
  readonly inner?: string;
}

const compiled = new Map<string, readonly Field[]>();

function fieldsOf(modelName: string): readonly Field[] {
  let fields = compiled.get(modelName);
  if (!fields) {
    fields = Object.entries(TENCENT_MODELS[modelName] ?? {}).map(([key, type]) => {
      const list = type.endsWith("[]");
      const inner = list ? type.slice(0, -2) : type;
      return { key, type, list, ...(TENCENT_MODELS[inner] ? { inner } : {}) };
    });
    compiled.set(modelName, fields);
  }
  return fields;
}

/** The all-zero form of a model at a depth: the same for every response, so built once and shared (it is only serialized). */
const zeroForms = new Map<string, Readonly<Record<string, unknown>>>();

function zeroForm(modelName: string, depth: number): Readonly<Record<string, unknown>> {
  const id = `${modelName}@${depth}`;
  let form = zeroForms.get(id);
  if (!form) {
    form = Object.freeze(complete(modelName, undefined, depth));
    zeroForms.set(id, form);
  }
  return form;
}

/** `value` with every field `modelName` declares, in the declared type; undeclared fields dropped. */
export function complete(modelName: string, value: Record<string, unknown> | undefined, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(modelName)) {
    const given = value?.[f.key];
    if (given === undefined || given === null || !typeOk(given, f.type)) {
      // A model that (indirectly) holds itself stops after a few levels.
      out[f.key] = f.inner !== undefined && !f.list && depth < 4 ? (value === undefined ? complete(f.inner, undefined, depth + 1) : zeroForm(f.inner, depth + 1)) : zeroOf(f.type);
    } else if (f.inner !== undefined) {
      out[f.key] = f.list ? (given as Record<string, unknown>[]).map((v) => complete(f.inner!, v, depth + 1)) : complete(f.inner, given as Record<string, unknown>, depth + 1);
    } else {
      out[f.key] = given;
    }
  }
  return out;
}
