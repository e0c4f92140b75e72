import { assumption } from "../../core/provenance";
import { isRef } from "../../core/manifest";
import { Rule, RuleViolation } from "../rule";
import { own, REF_ENTRIES } from "./schema";

/** HL-MAN-004: every reference names an existing resource of the type the prop needs. */
export const manifestReferences: Rule = {
  id: "HL-MAN-004",
  title: "References resolve to a resource of the expected type",
  severity: "error",
  source: assumption("hybridlink's own manifest format (lib/core/manifest.ts Ref): references are by logical ID"),
  rationale:
    "A reference is replaced by the referenced resource's cloud ID at deploy time; one that names nothing, or a resource of the wrong type (a subnet's vpc naming a route table), cannot be created.",
  fix: "Point the reference at the logical ID of an existing resource of the expected type, and list only existing logical IDs in dependsOn.",
  check(context) {
    const { index } = context;
    const out: RuleViolation[] = [];
    for (const resource of context.manifest.resources) {
      const id = String(resource.logicalId ?? "");
      const props = (resource.props ?? {}) as unknown as Record<string, unknown>;
      // Logical IDs already looked up through a reference: dependsOn usually repeats them.
      const resolved: string[] = [];
      for (const [name, prop] of own(REF_ENTRIES, resource.type) ?? []) {
        const value = props[name];
        if (!isRef(value)) continue;
        const expected = typeof prop.refTo === "function" ? prop.refTo(props) : prop.refTo;
        const target = index.tryGet(value.ref);
        if (target) resolved.push(value.ref);
        if (!target) {
          out.push({ resource: id, property: name, message: `'${name}' refers to '${value.ref}', which is not in the manifest; expected the logical ID of a ${expected ?? "resource"}.` });
        } else if (expected && target.type !== expected && !prop.typeCheckedBy) {
          out.push({ resource: id, property: name, message: `'${name}' refers to '${value.ref}', a ${target.type}; it must be a ${expected}.` });
        }
      }
      const dependsOn = (resource as { dependsOn?: unknown }).dependsOn;
      if (!Array.isArray(dependsOn)) continue;
      for (const dep of dependsOn) {
        if (typeof dep === "string" && !resolved.includes(dep) && !index.tryGet(dep)) {
          out.push({ resource: id, property: "dependsOn", message: `dependsOn names '${dep}', which is not in the manifest; remove it or add that resource.` });
        }
      }
    }
    return out;
  },
};
