import { assumption } from "../../core/provenance";
import { isRef, isSecretRef, ManifestResource } from "../../core/manifest";
import { orList } from "../private/read";
import { Rule, RuleViolation } from "../rule";
import { describe } from "./format-version";
import { ENUMS, own, PropKind, PropSchema, SCHEMA_ENTRIES } from "./schema";

const EXPECTED: Record<PropKind, string> = {
  string: "a string",
  number: "a finite number",
  boolean: "true or false",
  strings: "an array of strings",
  ref: `a reference { "ref": "<logical ID>", "attr": "id" }`,
  secret: `a secret reference { "secret": { "source": "env", "name": "<VARIABLE>" } } (never the key itself)`,
  object: "an object",
  objects: "an array of objects",
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasKind(value: unknown, kind: PropKind): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "strings":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "ref":
      return isRef(value);
    case "secret":
      return isSecretRef(value) && isObject(value.secret);
    case "object":
      return isObject(value);
    case "objects":
      return Array.isArray(value) && value.every(isObject);
  }
}

const NESTED_ENTRIES = new WeakMap<object, readonly (readonly [string, PropSchema])[]>();

function entriesOf(fields: Readonly<Record<string, PropSchema>>): readonly (readonly [string, PropSchema])[] {
  let entries = NESTED_ENTRIES.get(fields);
  if (!entries) {
    entries = Object.entries(fields);
    NESTED_ENTRIES.set(fields, entries);
  }
  return entries;
}

/** Appends the type problems of `value` against `fields` to `out`, with dotted property paths. */
export function collectPropProblems(
  out: RuleViolation[],
  resource: string,
  fields: readonly (readonly [string, PropSchema])[],
  value: Record<string, unknown>,
  prefix: string,
): void {
  for (const [name, schema] of fields) {
    const v = value[name];
    if (v === undefined) {
      if (schema.required) out.push({ resource, property: prefix + name, message: `Required prop '${prefix + name}' is missing; expected ${EXPECTED[schema.kind]}.` });
      continue;
    }
    if (!hasKind(v, schema.kind)) {
      // Never echo what was found in a secret slot: it may be the key itself.
      const found = schema.kind === "secret" ? "not a secret reference" : describe(v);
      out.push({ resource, property: prefix + name, message: `Prop '${prefix + name}' is ${found}; expected ${EXPECTED[schema.kind]}.` });
      continue;
    }
    if (!schema.fields) continue;
    const nested = entriesOf(schema.fields);
    if (schema.kind === "object") collectPropProblems(out, resource, nested, v as Record<string, unknown>, `${prefix}${name}.`);
    else if (schema.kind === "objects") {
      const items = v as Record<string, unknown>[];
      for (let i = 0; i < items.length; i++) collectPropProblems(out, resource, nested, items[i], `${prefix}${name}[${i}].`);
    }
  }
}

/** HL-MAN-003: each resource carries the props its type requires, with the right value types. */
export const manifestRequiredProps: Rule = {
  id: "HL-MAN-003",
  title: "Required props are present with the right types",
  severity: "error",
  source: assumption("hybridlink's own manifest format (lib/core/manifest.ts *Spec interfaces): the props each type needs to be deployed"),
  rationale:
    "Providers create each resource from its props; a missing or mistyped prop (a CIDR list given as one string, a bandwidth given as text) would fail mid-deploy or be misread.",
  fix: "Give every required prop with the documented type (see the *Spec interfaces in lib/core/manifest.ts), or build the app with the constructs and synthesize it.",
  check(context) {
    const out: RuleViolation[] = [];
    for (const resource of context.manifest.resources) {
      const id = String(resource.logicalId ?? "");
      collectEnvelopeProblems(out, resource, id);
      const entries = own(SCHEMA_ENTRIES, resource.type);
      if (!entries) continue;
      if (!isObject(resource.props)) {
        out.push({ resource: id, property: "props", message: `'props' is ${describe(resource.props)}; expected an object with the ${resource.type} props.` });
        continue;
      }
      const props = resource.props as unknown as Record<string, unknown>;
      collectPropProblems(out, id, entries, props, "");
      const enums = own(ENUMS as Record<string, Readonly<Record<string, readonly string[]>>>, resource.type);
      if (!enums) continue;
      for (const name in enums) {
        const v = props[name];
        if (typeof v === "string" && !enums[name].includes(v)) {
          out.push({ resource: id, property: name, message: `Prop '${name}' is '${v}'; allowed: ${orList(enums[name])}.` });
        }
      }
    }
    return out;
  },
};

function collectEnvelopeProblems(out: RuleViolation[], resource: ManifestResource, id: string): void {
  const r = resource as unknown as Record<string, unknown>;
  if (typeof r.logicalId !== "string" || r.logicalId === "") {
    out.push({ resource: id, property: "logicalId", message: `A ${String(r.type)} resource has logicalId ${describe(r.logicalId)}; give it a unique, non-empty logical ID.` });
  }
  if (typeof r.path !== "string") out.push({ resource: id, property: "path", message: `'path' is ${describe(r.path)}; expected a string.` });
  if (typeof r.account !== "string") out.push({ resource: id, property: "account", message: `'account' is ${describe(r.account)}; expected a string.` });
  const dependsOn = r.dependsOn;
  if (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === "string")) {
    out.push({ resource: id, property: "dependsOn", message: `'dependsOn' is ${describe(dependsOn)}; expected an array of logical IDs (may be empty).` });
  }
}
