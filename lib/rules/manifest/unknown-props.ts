import { ResourceType } from "../../core/manifest";
import { propsOf } from "../private/read";
import { Rule, RuleViolation } from "../rule";
import { PropSchema, RESOURCE_SCHEMA } from "./schema";

/** HL-MAN-006: props the type does not have (usually a misspelling) are ignored by the providers. */
export const manifestUnknownProps: Rule = {
  id: "HL-MAN-006",
  title: "No unknown props",
  severity: "warning",
  source: "hybridlink manifest format (lib/core/manifest.ts *Spec interfaces)",
  rationale: "A prop the type does not define is ignored at deploy time; a misspelt optional prop (bandwithMbps) silently leaves the default in place.",
  fix: "Remove the prop or correct its spelling to one of the type's props.",
  *check(context) {
    for (const resource of context.manifest.resources) {
      const schema = RESOURCE_SCHEMA[resource.type as ResourceType];
      if (schema) yield* unknown(String(resource.logicalId ?? ""), schema, propsOf(resource), "");
    }
  },
};

function* unknown(
  resource: string,
  fields: Readonly<Record<string, PropSchema>>,
  value: Record<string, unknown>,
  prefix: string,
): Generator<RuleViolation> {
  for (const [name, v] of Object.entries(value)) {
    const schema = fields[name];
    const property = `${prefix}${name}`;
    if (!schema) {
      const near = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
      yield {
        resource,
        property,
        message: `Prop '${property}' is not a prop of this type and is ignored; known props here: ${Object.keys(fields).join(", ")}.${near ? ` Did you mean '${prefix}${near}'?` : ""}`,
      };
      continue;
    }
    if (schema.fields && schema.kind === "object" && typeof v === "object" && v !== null && !Array.isArray(v)) {
      yield* unknown(resource, schema.fields, v as Record<string, unknown>, `${property}.`);
    }
    if (schema.fields && schema.kind === "objects" && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] === "object" && v[i] !== null) yield* unknown(resource, schema.fields, v[i], `${property}[${i}].`);
      }
    }
  }
}
