import { Manifest, MANIFEST_FORMAT_VERSION, ManifestResource, ResourceType } from "../../lib";
import { CloudProfile, findProfile } from "../../lib";
import { validateManifest } from "../../lib";
import { ProviderError } from "./errors";
import { FIELD_TABLES } from "./fields";
import { ACCOUNT_INPUT } from "./inputs";
import { engineFor, ENV, ProviderSettings, resolveSettings } from "./settings";
import { containsUnknown, getPath, JsonObject, unwrapSecrets, withPath } from "./values";

/** One reason a resource's inputs are refused, as Pulumi's `check` reports it. */
export interface CheckFailure {
  /** The input at fault (`cidrs`, `healthCheck.intervalMs`), or "" for the resource as a whole. */
  readonly property: string;
  /** `[RULE-ID] message`: the value received, what is allowed, how to fix it. */
  readonly reason: string;
}

// Rules that need the rest of the manifest: a one-resource manifest cannot answer them.
const NEEDS_WHOLE_MANIFEST = new Set(["HL-MAN-004"]);
const PSK_RULE = "HL-VPN-008";
// Stands in for a resolved secret, so the rules see a well-formed secret reference.
const SECRET_PLACEHOLDER = { secret: { source: "env", name: "HYBRIDLINK_PROVIDER_INPUT" } };

/**
 * The rule catalog's verdict on one resource's inputs: the rules run over a
 * manifest holding just this resource (references to other resources are not
 * followed: their targets are cloud IDs here), error-level findings only,
 * plus the pre-shared key's charset and length, which only the value can tell.
 * A value not known yet (preview) is not judged.
 */
export function check(type: ResourceType, inputs: JsonObject, settings: ProviderSettings = {}): CheckFailure[] {
  const resolved = resolveSettings(settings);
  const plain = unwrapSecrets(inputs) as JsonObject;
  const profile = findProfile(resolved.profile ?? engineFor(resolved).profile.name);
  const failures: CheckFailure[] = [];
  const account = plain[ACCOUNT_INPUT] ?? resolved.account;
  if (typeof account !== "string" || account.trim() === "") {
    failures.push({
      property: ACCOUNT_INPUT,
      reason: `[AuthFailure] every request is made as an account, and none is known: pass 'account' in the inputs, or set ${ENV.account}.`,
    });
  }
  failures.push(...ruleFailures(type, plain, typeof account === "string" ? account : "", profile));
  failures.push(...keyFailures(type, plain, profile));
  return failures;
}

function ruleFailures(type: ResourceType, inputs: JsonObject, account: string, profile: CloudProfile): CheckFailure[] {
  const logicalId = `${type}Input`;
  const resource: ManifestResource = { logicalId, path: logicalId, type, account, props: asSpec(type, inputs) as never, dependsOn: [] };
  const peer = inputs.accepterAccount;
  const manifest: Manifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    // The deploying app has already vetted its peer accounts (HL-PEER trusted-account rule) at synth.
    app: { profile: profile.name, defaultAccount: account, trustedAccounts: typeof peer === "string" ? [peer] : [] },
    resources: [resource],
    intents: [],
    acknowledgements: [],
  };
  const report = validateManifest(manifest);
  return report.errors
    .filter((f) => !NEEDS_WHOLE_MANIFEST.has(f.ruleId) && (f.resource === undefined || f.resource === logicalId))
    .filter((f) => !containsUnknown(inputs[topField(f.property)]))
    // No account at all is the AuthFailure above, not also a malformed one.
    .filter((f) => !(f.ruleId === "HL-MAN-008" && f.property === "account" && account === ""))
    .map((f) => ({ property: f.property ?? "", reason: `[${f.ruleId}] ${f.message}` }));
}

/** The manifest spec the inputs came from: cloud IDs back into references, secrets back into secret references. */
function asSpec(type: ResourceType, inputs: JsonObject): JsonObject {
  const table = FIELD_TABLES[type];
  let spec: JsonObject = {};
  for (const field of table.spec) if (inputs[field] !== undefined && inputs[field] !== null) spec[field] = inputs[field];
  for (const field of table.refs) {
    if (typeof spec[field] === "string") spec[field] = { ref: spec[field], attr: "id" };
  }
  for (const path of table.secrets) {
    if (typeof getPath(spec, path) === "string") spec = withPath(spec, path, SECRET_PLACEHOLDER);
  }
  return spec;
}

function keyFailures(type: ResourceType, inputs: JsonObject, profile: CloudProfile): CheckFailure[] {
  const rule = profile.ipsec.preSharedKey;
  const failures: CheckFailure[] = [];
  for (const path of FIELD_TABLES[type].secrets) {
    const key = getPath(inputs, path);
    if (key === undefined || containsUnknown(key)) continue;
    if (typeof key !== "string" || !rule.pattern.test(key)) {
      const received = typeof key === "string" ? `a key of ${key.length} characters` : `a ${typeof key}`;
      failures.push({
        property: path,
        reason: `[${PSK_RULE}] ${path} is not a valid pre-shared key for ${profile.displayName}: ${received} was received (not shown). Use ${rule.description}.`,
      });
    }
  }
  return failures;
}

/** `healthCheck` of `healthCheck.intervalMs`, `cidrs` of `cidrs[1]`. */
function topField(property: string | undefined): string {
  return (property ?? "").split(/[.[]/)[0];
}

/** Throws the failures as one error (the CLI's way of refusing what Pulumi reports as check failures). */
export function assertChecked(type: ResourceType, failures: readonly CheckFailure[]): void {
  if (failures.length === 0) return;
  throw new ProviderError(
    failures[0].reason.match(/^\[([^\]]+)\]/)?.[1] ?? "CheckFailed",
    `${type} inputs refused:\n${failures.map((f) => `  ${f.property || "<resource>"}: ${f.reason}`).join("\n")}`,
  );
}
