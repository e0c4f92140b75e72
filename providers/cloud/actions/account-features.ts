import { accountIdProblem, cite } from "../../../lib";
import { ACCOUNT_FEATURE_NAMES, ACCOUNT_FEATURES } from "../account-features";
import { CloudError } from "../errors";
import { ActionDefinition, isoTime } from "./types";

/** A ticket reference: printable, one line, short (an assumption: the cloud's ticket IDs are short tokens). */
const TICKET = /^[\x21-\x7e][\x20-\x7e]{0,63}$/;

function featureName(value: unknown, action: string): string {
  if (typeof value !== "string" || !ACCOUNT_FEATURES[value]) {
    throw new CloudError(
      "InvalidParameterValue.Feature",
      `${action}: 'feature' is ${JSON.stringify(value) ?? "missing"}; account features: ${ACCOUNT_FEATURE_NAMES.join(", ")}.`,
    );
  }
  return value;
}

/**
 * The account features a ticket enables (providers/cloud/account-features.ts).
 * Granting and revoking are the operator's (they stand in for the cloud's
 * support answering a ticket: no account can grant itself); an account
 * describes its own.
 */
export const ACCOUNT_FEATURE_ACTIONS: readonly ActionDefinition[] = [
  {
    name: "GrantAccountFeature",
    writes: true,
    operatorOnly: true,
    run(params, ctx) {
      const feature = featureName(params.value("feature"), ctx.action);
      const ticket = params.value("ticket");
      params.done();
      // A ticket is for a real account: the same account-ID rule the constructs apply (assumption: IDs are 1–20 digits).
      const problem = accountIdProblem(ctx.account);
      if (problem) throw new CloudError("InvalidParameterValue.Account", `${ctx.action}: the account '${ctx.account}' is not ${problem}.`);
      if (typeof ticket !== "string" || !TICKET.test(ticket)) {
        throw new CloudError(
          "InvalidParameterValue.Ticket",
          `${ctx.action}: 'ticket' must be the reference of the ticket that asked for it (1–64 printable characters, one line), received ${JSON.stringify(ticket)?.slice(0, 80) ?? "nothing"}.`,
        );
      }
      ctx.store.features.grant(ctx.account, feature, ticket, ctx.now);
      const gated = ACCOUNT_FEATURES[feature].applies(ctx.profile);
      return {
        account: ctx.account,
        feature,
        ticket,
        grantedAt: isoTime(ctx.now),
        // Said, not refused: a store holds several clouds, and the same account may deploy to one that gates it.
        ...(gated ? {} : { note: `${ctx.profile.displayName} does not gate this feature; the grant matters only where it does (${cite(ACCOUNT_FEATURES[feature].source)}).` }),
      };
    },
  },
  {
    name: "RevokeAccountFeature",
    writes: true,
    operatorOnly: true,
    run(params, ctx) {
      const feature = featureName(params.value("feature"), ctx.action);
      params.done();
      if (!ctx.store.features.revoke(ctx.account, feature)) {
        throw new CloudError("ResourceNotFound", `${ctx.action}: account '${ctx.account}' has no feature '${feature}' to revoke.`);
      }
      return { account: ctx.account, feature, revoked: true };
    },
  },
  {
    name: "DescribeAccountFeatures",
    writes: false,
    run(params, ctx) {
      params.done();
      return {
        account: ctx.account,
        items: ctx.store.features.of(ctx.account).map((f) => ({ account: f.account, feature: f.feature, ticket: f.ticket, grantedAt: isoTime(f.grantedAt) })),
      };
    },
  },
];
