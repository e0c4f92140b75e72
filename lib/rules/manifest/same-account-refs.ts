import { assumption } from "../../core/provenance";
import { ManifestResource } from "../../core/manifest";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";
import { own, REF_ENTRIES } from "./schema";

/** The references that may cross accounts: a peering's accepter VPC, and the accepter's route through the peering. */
function mayCross(from: ManifestResource, prop: string, target: ManifestResource): boolean {
  if (from.type === "PeeringConnection" && prop === "accepterVpc") return true;
  return from.type === "Route" && prop === "nextHop" && target.type === "PeeringConnection" && propsOf(target).accepterAccount === from.account;
}

/** HL-MAN-007: a resource references only resources of its own account (peering aside). */
export const sameAccountReferences: Rule = {
  id: "HL-MAN-007",
  title: "Resources reference only resources of their own account",
  severity: "error",
  source: assumption(
    "every API request is made as one account, which can name only its own resources (another account's ID is not found, so its existence does not leak); the one documented crossing is VPC peering (seed 003: 跨账号连接 支持), whose accepter routes through the requester's connection. The clouds' cross-account CCN attachment (Tencent AttachCcnInstances with CcnUin and the owner's approval) is not modelled.",
  ),
  rationale:
    "The engine refuses a create that names another account's VPC, gateway, customer gateway, CCN or route table (ResourceNotFound): found at synth, the program does not fail half-way through up with resources already created.",
  fix: "Create the referenced resource in the same account (account prop), or connect the two accounts' VPCs with a peering.",
  *check(context) {
    for (const resource of context.manifest.resources) {
      // own(): a type named like an Object.prototype member ("toString") finds nothing.
      const entries = own(REF_ENTRIES, resource.type);
      if (!entries) continue;
      const props = propsOf(resource);
      for (const [prop] of entries) {
        const target = context.index.tryGet(refId(props[prop]) ?? "");
        if (!target || target.account === resource.account) continue;
        if (mayCross(resource, prop, target)) continue;
        yield {
          resource: resource.logicalId,
          property: prop,
          message: `${prop} is '${target.path}', a ${target.type} of account ${target.account}, but this ${resource.type} belongs to account ${resource.account}; an account can name only its own resources. Create it in account ${resource.account}, or peer the accounts' VPCs.`,
        };
      }
    }
  },
};
