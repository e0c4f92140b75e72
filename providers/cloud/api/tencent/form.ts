import * as crypto from "crypto";
import { CloudError } from "../../errors";
import { TENCENT_MODELS } from "./models.generated";

/**
 * The two forms in which the Tencent SDK sends parameters flat rather than as
 * a JSON body: TC3 with `httpProfile.reqMethod: "GET"` (the query), and the
 * legacy v1 signature (`profile.signMethod: "HmacSHA256" | "HmacSHA1"`, query
 * for GET, form body for POST). Nested parameters are flattened with dots and
 * 0-based list indices (`Filters.0.Values.1=…`), every value a string.
 */

/** The legacy form's own parameters (cloud-api: 公共参数, signature v1), apart from the action's. */
export const LEGACY_COMMON = new Set([
  "Action", "Version", "Region", "Timestamp", "Nonce", "SecretId", "Signature", "SignatureMethod", "Token", "RequestClient", "Language",
]);

/** The flat parameters of a request: its query, plus a form body's. */
export function flatParams(url: string, contentType: string | undefined, body: Buffer): Map<string, string> {
  const question = url.indexOf("?");
  const params = new Map<string, string>(question < 0 ? [] : new URLSearchParams(url.slice(question + 1)));
  if (body.length && String(contentType).startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params.set(k, v);
  }
  return params;
}

/** A flat value in the type the model declares; a value that does not convert is left for the model check to refuse. */
function typed(value: string, type: string): unknown {
  if (type === "number") return value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

function unknownParameter(key: string): CloudError {
  return new CloudError("UnknownParameter", `The parameter '${key}' is not recognized. Check its spelling against the API reference.`);
}

/**
 * The nested request `modelName` declares, rebuilt from flat parameters
 * (`Filters.0.Name` → `Filters[0].Name`), each value in its declared type.
 * A key the model does not declare is UnknownParameter, as in the JSON form.
 */
export function unflatten(modelName: string, params: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of params) {
    const segments = key.split(".");
    let model = TENCENT_MODELS[modelName];
    let holder: Record<string, unknown> | unknown[] = out;
    for (let i = 0; i < segments.length; i++) {
      const type = model?.[segments[i]];
      if (type === undefined || Array.isArray(holder)) throw unknownParameter(key);
      const last = i === segments.length - 1;
      const itemType = type.endsWith("[]") ? type.slice(0, -2) : type;
      let slot: Record<string, unknown> | unknown[] = holder;
      let name: string | number = segments[i];
      if (type.endsWith("[]")) {
        const index = segments[++i];
        if (last || !/^\d+$/.test(index)) throw new CloudError("InvalidParameter", `The parameter '${key}' must give a 0-based index after '${segments.slice(0, i).join(".")}'.`);
        slot = (holder[name] ??= []) as unknown[];
        name = Number(index);
      }
      const nested = TENCENT_MODELS[itemType];
      if (i === segments.length - 1) {
        if (nested) throw unknownParameter(key);
        (slot as Record<string | number, unknown>)[name] = typed(value, itemType);
      } else {
        if (!nested) throw unknownParameter(key);
        holder = ((slot as Record<string | number, unknown>)[name] ??= {}) as Record<string, unknown>;
        model = nested;
      }
    }
  }
  return out;
}

/**
 * The legacy v1 string to sign (as the SDK's formatSignString builds it):
 * method, host, path, `?`, every parameter but Signature as `key=value`,
 * sorted by key, values as sent (not encoded).
 */
export function legacySignString(method: string, host: string, params: ReadonlyMap<string, string>): string {
  const pairs = [...params.keys()]
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${k}=${params.get(k)}`);
  return `${method}${host}/?${pairs.join("&")}`;
}

/** cloud-api: v1 signs with HmacSHA1 (the default) or HmacSHA256, base64. */
export const LEGACY_METHODS: Readonly<Record<string, string>> = { HmacSHA1: "sha1", HmacSHA256: "sha256" };

export function legacySignature(secretKey: string, method: string, signString: string): string {
  return crypto.createHmac(LEGACY_METHODS[method], secretKey).update(signString, "utf8").digest("base64");
}
