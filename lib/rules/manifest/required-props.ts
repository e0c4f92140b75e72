import { isRef, isSecretRef, ManifestResource, ResourceType } from "../../core/manifest";
import { orList, propsOf } from "../private/read";
import { Rule, RuleViolation } from "../rule";
import { describe } from "./format-version";
import { ENUMS, PropKind, PropSchema, RESOURCE_SCHEMA } from "./schema";

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
      return isSecretRef(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "objects":
      return Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null && !Array.isArray(v));
  }
}

/** Type problems of `value` against `fields`, with dotted property paths. */
export function* propProblems(
  resource: string,
  fields: Readonly<Record<string, PropSchema>>,
  value: Record<string, unknown>,
  prefix: string,
): Generator<RuleViolation> {
  for (const [name, schema] of Object.entries(fields)) {
    const property = `${prefix}${name}`;
    const v = value[name];
    if (v === undefined) {
      if (schema.required) yield { resource, property, message: `Required prop '${property}' is missing; expected ${EXPECTED[schema.kind]}.` };
      continue;
    }
    if (!hasKind(v, schema.kind)) {
      // Never echo what was found in a secret slot: it may be the key itself.
      const found = schema.kind === "secret" ? "not a secret reference" : describe(v);
      yield { resource, property, message: `Prop '${property}' is ${found}; expected ${EXPECTED[schema.kind]}.` };
      continue;
    }
    if (schema.fields && schema.kind === "object") yield* propProblems(resource, schema.fields, v as Record<string, unknown>, `${property}.`);
    if (schema.fields && schema.kind === "objects") {
      const items = v as Record<string, unknown>[];
      for (let i = 0; i < items.length; i++) yield* propProblems(resource, schema.fields, items[i], `${property}[${i}].`);
    }
  }
}

/** HL-MAN-003: each resource carries the props its type requires, with the right value types. */
export const manifestRequiredProps: Rule = {
  id: "HL-MAN-003",
  title: "Required props are present with the right types",
  severity: "error",
  source: "hybridlink manifest format (lib/core/manifest.ts *Spec interfaces)",
  rationale:
    "Providers create each resource from its props; a missing or mistyped prop (a CIDR list given as one string, a bandwidth given as text) would fail mid-deploy or be misread.",
  fix: "Give every required prop with the documented type (see the *Spec interfaces in lib/core/manifest.ts), or build the app with the constructs and synthesize it.",
  *check(context) {
    for (const resource of context.manifest.resources) {
      const schema = RESOURCE_SCHEMA[resource.type as ResourceType];
      const id = String(resource.logicalId ?? "");
      yield* envelopeProblems(resource, id);
      if (!schema) continue;
      if (typeof resource.props !== "object" || resource.props === null || Array.isArray(resource.props)) {
        yield { resource: id, property: "props", message: `'props' is ${describe(resource.props)}; expected an object with the ${resource.type} props.` };
        continue;
      }
      const props = propsOf(resource);
      yield* propProblems(id, schema, props, "");
      for (const [name, allowed] of Object.entries(ENUMS[resource.type as ResourceType] ?? {})) {
        const v = props[name];
        if (typeof v === "string" && !allowed.includes(v)) {
          yield { resource: id, property: name, message: `Prop '${name}' is '${v}'; allowed: ${orList(allowed)}.` };
        }
      }
    }
  },
};

function* envelopeProblems(resource: ManifestResource, id: string): Generator<RuleViolation> {
  const r = resource as unknown as Record<string, unknown>;
  if (typeof r.logicalId !== "string" || r.logicalId === "") {
    yield { resource: id, property: "logicalId", message: `A ${String(r.type)} resource has logicalId ${describe(r.logicalId)}; give it a unique, non-empty logical ID.` };
  }
  for (const key of ["path", "account"]) {
    if (typeof r[key] !== "string") yield { resource: id, property: key, message: `'${key}' is ${describe(r[key])}; expected a string.` };
  }
  if (!Array.isArray(r.dependsOn) || !r.dependsOn.every((d) => typeof d === "string")) {
    yield { resource: id, property: "dependsOn", message: `'dependsOn' is ${describe(r.dependsOn)}; expected an array of logical IDs (may be empty).` };
  }
}
