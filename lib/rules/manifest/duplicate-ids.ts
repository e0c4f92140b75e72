import { assumption } from "../../core/provenance";
import { Rule } from "../rule";

/** HL-MAN-005: logical IDs are unique. */
export const manifestDuplicateIds: Rule = {
  id: "HL-MAN-005",
  title: "Logical IDs are unique",
  severity: "error",
  source: assumption("hybridlink's own manifest format (lib/core/manifest.ts ManifestResource.logicalId): stack state is keyed by logical ID"),
  rationale: "References, stack state and deploy order key resources by logical ID; two resources with one ID would overwrite each other.",
  fix: "Rename one of the resources (constructs derive logical IDs from unique construct paths).",
  *check(context) {
    // The index keeps one resource per ID: only when it is not this one is there a duplicate to name.
    if (context.manifest.resources.every((r) => context.index.tryGet(r.logicalId) === r)) return;
    const seen = new Map<string, string>();
    for (const resource of context.manifest.resources) {
      const id = resource.logicalId;
      if (typeof id !== "string") continue;
      const first = seen.get(id);
      if (first !== undefined) {
        yield { resource: id, property: "logicalId", message: `Logical ID '${id}' is used by more than one resource (a ${first} and a ${String(resource.type)}); give each a unique ID.` };
      } else {
        seen.set(id, String(resource.type));
      }
    }
  },
};
