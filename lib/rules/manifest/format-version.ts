import { valueText } from "../../core/errors";
import { assumption } from "../../core/provenance";
import { MANIFEST_FORMAT_VERSION } from "../../core/manifest";
import { Rule, RuleViolation } from "../rule";

/** Problems with the document around the resources; empty when it can be indexed and read. */
export function documentShapeProblems(manifest: unknown): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const at = (property: string, message: string): void => {
    problems.push({ resource: "", property, message });
  };
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    at("", `The manifest is ${describe(manifest)}; expected a JSON object with formatVersion, app, resources, intents and acknowledgements.`);
    return problems;
  }
  const m = manifest as Record<string, unknown>;
  const app = m.app as Record<string, unknown> | undefined;
  if (typeof app !== "object" || app === null || Array.isArray(app)) {
    at("app", `'app' is ${describe(app)}; expected { profile, defaultAccount, trustedAccounts }.`);
  } else {
    if (typeof app.profile !== "string") at("app.profile", `'app.profile' is ${describe(app.profile)}; expected a profile name: tencent, alibaba or ccb.`);
    if (typeof app.defaultAccount !== "string") at("app.defaultAccount", `'app.defaultAccount' is ${describe(app.defaultAccount)}; expected an account ID string.`);
    if (!isStringArray(app.trustedAccounts)) at("app.trustedAccounts", `'app.trustedAccounts' is ${describe(app.trustedAccounts)}; expected an array of account IDs (may be empty).`);
  }
  if (!Array.isArray(m.resources)) {
    at("resources", `'resources' is ${describe(m.resources)}; expected an array of resources.`);
  } else {
    m.resources.forEach((r, i) => {
      if (typeof r !== "object" || r === null || Array.isArray(r)) {
        at(`resources[${i}]`, `'resources[${i}]' is ${describe(r)}; expected a resource object { logicalId, path, type, account, props, dependsOn }.`);
        return;
      }
      // The names every rule and every finding are keyed by: without them nothing about the resource can be said.
      for (const key of ["logicalId", "path", "type"]) {
        const value = (r as Record<string, unknown>)[key];
        if (typeof value !== "string") at(`resources[${i}].${key}`, `'resources[${i}].${key}' is ${describe(value)}; expected a string.`);
      }
    });
  }
  for (const list of ["intents", "acknowledgements"]) {
    if (!Array.isArray(m[list])) at(list, `'${list}' is ${describe(m[list])}; expected an array (may be empty).`);
  }
  if (Array.isArray(m.acknowledgements)) {
    m.acknowledgements.forEach((a, i) => {
      const ack = a as Record<string, unknown> | null;
      const ok = typeof ack === "object" && ack !== null && !Array.isArray(ack) && ["ruleId", "path", "reason"].every((k) => typeof ack[k] === "string");
      if (!ok) at(`acknowledgements[${i}]`, `'acknowledgements[${i}]' is ${describe(a)}${typeof a === "object" && a !== null ? " without string ruleId, path and reason" : ""}; expected { ruleId, path, reason }.`);
    });
  }
  return problems;
}

/** The shape problems that leave nothing to index: no object, no app profile, no resource list of objects. */
export function fatalShapeProblems(manifest: unknown): RuleViolation[] {
  return documentShapeProblems(manifest).filter((p) => {
    const property = p.property ?? "";
    return property === "" || property === "app" || property === "app.profile" || property.startsWith("resources") || property.startsWith("acknowledgements[");
  });
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** A short description of a JSON value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string '${value}'`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${valueText(value)}`;
}

/** HL-MAN-001: the manifest is a document of the format this library reads. */
export const manifestFormatVersion: Rule = {
  id: "HL-MAN-001",
  title: "Manifest format version and document shape",
  severity: "error",
  source: assumption("hybridlink's own manifest format (lib/core/manifest.ts): a document of another version or shape cannot be read reliably"),
  rationale:
    "A manifest of another format version, or one missing its app settings or resource list, cannot be read the same way; deploying it would misread every resource.",
  fix: `Set "formatVersion": "${MANIFEST_FORMAT_VERSION}" and give app { profile, defaultAccount, trustedAccounts }, resources, intents and acknowledgements; or re-synthesize it with \`hybridlink synth\`.`,
  *check(context) {
    const manifest = context.manifest as unknown as Record<string, unknown>;
    if (manifest.formatVersion !== MANIFEST_FORMAT_VERSION) {
      yield {
        resource: "",
        property: "formatVersion",
        message: `The manifest's formatVersion is ${describe(manifest.formatVersion)}; this library reads '${MANIFEST_FORMAT_VERSION}'. Re-synthesize the app, or set formatVersion to '${MANIFEST_FORMAT_VERSION}' if the document follows that format.`,
      };
    }
    yield* documentShapeProblems(manifest);
  },
};
