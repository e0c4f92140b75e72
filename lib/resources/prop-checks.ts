import { ResourceType } from "../core/manifest";
import { describeValue, is, PropCheck, PropProblem } from "../core/props";
import { NetworkResource } from "../core/resource";
import { SecretValue } from "../core/secret";
import { billingProblem, descriptionProblem } from "../core/gateway-terms";

/** A low-level resource construct of one type (by its marker and type, not `instanceof`). */
export function resourceOf(type: ResourceType, ...more: ResourceType[]): PropCheck {
  const types = [type, ...more];
  return is.instance(
    `${types.map((t) => `a ${t}`).join(" or ")} construct (new ${type}(scope, id, props))`,
    (v) => NetworkResource.isNetworkResource(v) && types.includes(v.resourceType),
  );
}

/** A SecretValue (SecretValue.fromEnv / fromPulumiConfig), never the key itself. */
export const secretValue: PropCheck = is.instance(
  "a SecretValue, e.g. SecretValue.fromEnv('VPN_PSK') (never the key itself)",
  (v) => v instanceof SecretValue || (typeof v === "object" && v !== null && isSecretRefLike((v as { ref?: unknown }).ref)),
  // What stands where a key belongs may be the key itself: say only its kind.
  (v) => (typeof v === "string" ? `a string of ${v.length} characters (not shown: it may be the key)` : v === null || v === undefined ? describeValue(v) : `a ${Array.isArray(v) ? "array" : typeof v} (not shown)`),
);

function isSecretRefLike(ref: unknown): boolean {
  return typeof ref === "object" && ref !== null && typeof (ref as { secret?: unknown }).secret === "object" && (ref as { secret?: unknown }).secret !== null;
}

/** CIDR blocks: their syntax and overlaps are the rules' (reported all at once at synth). */
export const cidrList: PropCheck = is.strings('CIDR blocks such as "10.0.0.0/16"');

/** One CIDR block. */
export const cidr: PropCheck = is.string('a CIDR block such as "10.0.0.0/16"', false);

/** An IPv4 address (its syntax is the rules'). */
export const ipv4: PropCheck = is.string('an IPv4 address such as "203.0.113.10"', false);

/** A region name of the app's profile (which ones is the rules'). */
export const region: PropCheck = is.string('a region of the app\'s cloud profile, e.g. "ap-guangzhou"');

/** A description for people (what the clouds' APIs accept: FACTS.customerGatewayDescriptionFormat). */
export const description: PropCheck = (value, prop, out) => {
  const allowed = descriptionProblem(value);
  if (allowed) out.push({ prop, received: describeValue(value), allowed });
};

/** A VPN gateway's billing terms judged together (a PREPAID gateway needs a period, one billed by the hour takes none). */
export function billingTermsProblem(props: Record<string, unknown>): PropProblem | undefined {
  const problem = billingProblem(props.chargeType, props.periodMonths);
  return problem && { prop: problem.field, received: describeValue(props[problem.field]), allowed: problem.allowed };
}

/** `account` and `name`, which most resources take. */
export const COMMON = {
  account: is.optional(is.account()),
  name: is.optional(is.name()),
};
