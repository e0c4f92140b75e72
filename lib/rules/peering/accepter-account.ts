import { seed } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-014: the peering names the account that owns the accepter VPC. */
export const accepterAccountOwnsVpc: Rule = {
  id: "HL-PEER-014",
  title: "The accepter account owns the accepter VPC",
  severity: "error",
  source: seed("003", "当对端账户类型为其他账户时，需要手动输入对端账户的QQ号和私有网络的ID。", "When the peer is another account, enter the peer account's ID and its VPC's ID by hand."),
  rationale: "A cross-account request is addressed to an account and one of its VPCs; naming an account that does not own the VPC makes the request fail.",
  fix: "Set accepterAccount to the account of the accepter VPC (constructs do this for you).",
  *check(context) {
    for (const ends of peeringEnds(context)) {
      if (ends.accepterAccount === ends.accepter.account) continue;
      yield {
        resource: ends.peering.logicalId,
        property: "accepterAccount",
        message: `accepterAccount is '${ends.accepterAccount}' but VPC '${ends.accepter.path}' belongs to account '${ends.accepter.account}'; set accepterAccount to '${ends.accepter.account}'.`,
      };
    }
  },
};
