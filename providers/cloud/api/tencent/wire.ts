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

/** `value` with every field `modelName` declares, in the declared type; undeclared fields dropped. */
export function complete(modelName: string, value: Record<string, unknown> | undefined, depth = 0): Record<string, unknown> {
  const model = TENCENT_MODELS[modelName] ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(model)) {
    const given = value?.[key];
    const nested = modelOf(type);
    if (given === undefined || given === null || !typeOk(given, type)) {
      // A model that (indirectly) holds itself stops after a few levels.
      out[key] = nested && !type.endsWith("[]") && depth < 4 ? complete(type, undefined, depth + 1) : zeroOf(type);
    } else if (nested) {
      const inner = type.replace(/\[\]$/, "");
      out[key] = type.endsWith("[]") ? (given as Record<string, unknown>[]).map((v) => complete(inner, v, depth + 1)) : complete(inner, given as Record<string, unknown>, depth + 1);
    } else {
      out[key] = given;
    }
  }
  return out;
}
