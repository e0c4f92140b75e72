import { seed } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-010: a cross-account peering stays pending until the other account accepts it. */
export const pendingAcceptance: Rule = {
  id: "HL-PEER-010",
  title: "Cross-account peering stays pending until accepted",
  severity: "warning",
  source: seed("003", "与其他账户私有网络创建对等连接，需要对端接受此对等连接后生效。", "A peering with another account's VPC takes effect only after the other side accepts it."),
  rationale: "A peering to another account carries no traffic until that account accepts it, and the request expires after 7 days; the deploy plan shows it PENDING.",
  fix: "Have the accepter account accept the request within 7 days (AcceptVpcPeeringConnection), then acknowledge this warning on the peering.",
  *check(context) {
    for (const ends of peeringEnds(context)) {
      if (!ends.crossAccount) continue;
      yield {
        resource: ends.peering.logicalId,
        property: "accepterAccount",
        message: `Peering to account '${ends.accepterAccount}' will be PENDING until that account accepts it, and expires after ${context.profile.peering.pendingExpiryDays} days; no traffic flows until then. Arrange the acceptance, then acknowledge HL-PEER-010.`,
      };
    }
  },
};
