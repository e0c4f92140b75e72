import { assumption } from "../../core/provenance";
import { RESOURCE_TYPES } from "../../core/manifest";
import { Rule } from "../rule";
import { describe } from "./format-version";

const KNOWN = new Set<string>(RESOURCE_TYPES);

/** HL-MAN-002: every resource has a type the engine knows. */
export const manifestKnownTypes: Rule = {
  id: "HL-MAN-002",
  title: "Resource types are known",
  severity: "error",
  source: assumption("hybridlink's own manifest format (lib/core/manifest.ts RESOURCE_TYPES): only these types have an engine and provider implementation"),
  rationale: "The engine and the Pulumi providers have one implementation per low-level type; a resource of another type would be skipped or fail at deploy time.",
  fix: `Use one of the known types: ${RESOURCE_TYPES.join(", ")}.`,
  *check(context) {
    for (const resource of context.manifest.resources) {
      const type = (resource as { type?: unknown }).type;
      if (typeof type !== "string" || !KNOWN.has(type)) {
        yield {
          resource: String(resource.logicalId ?? ""),
          property: "type",
          message: `Resource type is ${describe(type)}; the known types are ${RESOURCE_TYPES.join(", ")}.${suggest(type)}`,
        };
      }
    }
  },
};

function suggest(type: unknown): string {
  if (typeof type !== "string") return "";
  const match = RESOURCE_TYPES.find((t) => t.toLowerCase() === type.toLowerCase().replace(/[-_ ]/g, ""));
  return match ? ` Did you mean '${match}'?` : "";
}
