import { seed } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-009: a cross-account peering goes to a trusted account. */
export const trustedPeerAccount: Rule = {
  id: "HL-PEER-009",
  title: "Cross-account peering goes to a trusted account",
  severity: "error",
  source: seed("003", "请不要接受来自您不了解账户的对等连接申请，此类用户可能对您的网络带来风险。", "Do not accept peering requests from accounts you do not know; such users may put your network at risk."),
  rationale: "Peering opens the whole VPC to the peer account; the seed warns against peering with accounts you do not know, so the app must list the peer account as trusted.",
  fix: "Add the accepter account to the app's trustedAccounts (new NetworkApp({ trustedAccounts: ['…'] })) once you know who owns it.",
  *check(context) {
    const trusted = new Set(context.manifest.app.trustedAccounts);
    for (const ends of peeringEnds(context)) {
      if (!ends.crossAccount || trusted.has(ends.accepterAccount)) continue;
      yield {
        resource: ends.peering.logicalId,
        property: "accepterAccount",
        message: `Peering to VPC '${ends.accepter.path}' of account '${ends.accepterAccount}', which is not in the app's trustedAccounts (${context.manifest.app.trustedAccounts.length ? context.manifest.app.trustedAccounts.join(", ") : "none"}); add it to trustedAccounts if you know the account, or remove the peering.`,
      };
    }
  },
};
