import { FACTS } from "../../core/sources";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/**
 * HL-PEER-009: the app that accepts a cross-account peering knows the
 * requesting account. The seed's caution is about accepting (请不要接受…), so
 * it applies to the accepter's app — a peering whose accepter VPC is in the
 * app's own (default) account — and never blocks the requester.
 */
export const trustedPeerAccount: Rule = {
  id: "HL-PEER-009",
  title: "A peering request is accepted only from a known account",
  severity: "error",
  source: FACTS.unknownAccount,
  rationale:
    "Accepting a peering opens the accepter's VPC to the requesting account; the seed warns not to accept requests from accounts you do not know. The accepter's app declares the accounts it knows in trustedAccounts; a request from any other account is flagged. The requester is not blocked: whether to accept is the other account's decision.",
  fix: "If you know the requesting account, add it to the app's trustedAccounts (new NetworkApp({ trustedAccounts: ['…'] })); otherwise remove the peering (and reject the request).",
  *check(context) {
    const app = context.manifest.app;
    const known = new Set(app.trustedAccounts);
    for (const ends of peeringEnds(context)) {
      const requesterAccount = ends.requester.account;
      if (!ends.crossAccount || ends.accepterAccount !== app.defaultAccount || known.has(requesterAccount)) continue;
      yield {
        resource: ends.peering.logicalId,
        property: "requesterVpc",
        message:
          `This app (account '${app.defaultAccount}') accepts a peering into VPC '${ends.accepter.path}' requested by account '${requesterAccount}', ` +
          `which it has not declared as known (trustedAccounts: ${app.trustedAccounts.length ? app.trustedAccounts.join(", ") : "none"}); ` +
          "add the account to trustedAccounts if you know it, or remove the peering.",
      };
    }
  },
};
