import { assumption } from "../../core/provenance";
import { Rule, RuleViolation } from "../rule";
import { own, PropSchema, RESOURCE_SCHEMA } from "./schema";

/** HL-MAN-006: props the type does not have (usually a misspelling) are ignored by the providers. */
export const manifestUnknownProps: Rule = {
  id: "HL-MAN-006",
  title: "No unknown props",
  severity: "warning",
  source: assumption("hybridlink's own manifest format (lib/core/manifest.ts *Spec interfaces): a prop no type defines is most likely a typo"),
  rationale: "A prop the type does not define is ignored at deploy time; a misspelt optional prop (bandwithMbps) silently leaves the default in place.",
  fix: "Remove the prop or correct its spelling to one of the type's props.",
  check(context) {
    const out: RuleViolation[] = [];
    for (const resource of context.manifest.resources) {
      const schema = own(RESOURCE_SCHEMA as Record<string, Readonly<Record<string, PropSchema>>>, resource.type);
      const props = resource.props as unknown;
      if (schema && typeof props === "object" && props !== null) {
        collectUnknown(out, String(resource.logicalId ?? ""), schema, props as Record<string, unknown>, "");
      }
    }
    return out;
  },
};

function collectUnknown(
  out: RuleViolation[],
  resource: string,
  fields: Readonly<Record<string, PropSchema>>,
  value: Record<string, unknown>,
  prefix: string,
): void {
  for (const name in value) {
    const schema = own(fields, name);
    if (!schema) {
      const near = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
      out.push({
        resource,
        property: prefix + name,
        message: `Prop '${prefix + name}' is not a prop of this type and is ignored; known props here: ${Object.keys(fields).join(", ")}.${near ? ` Did you mean '${prefix}${near}'?` : ""}`,
      });
      continue;
    }
    if (!schema.fields) continue;
    const v = value[name];
    if (schema.kind === "object" && typeof v === "object" && v !== null && !Array.isArray(v)) {
      collectUnknown(out, resource, schema.fields, v as Record<string, unknown>, `${prefix}${name}.`);
    } else if (schema.kind === "objects" && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] === "object" && v[i] !== null) collectUnknown(out, resource, schema.fields, v[i] as Record<string, unknown>, `${prefix}${name}[${i}].`);
      }
    }
  }
}
