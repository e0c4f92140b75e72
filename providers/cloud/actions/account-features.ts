import { accountIdProblem, cite } from "../../../lib";
import { ACCOUNT_FEATURE_NAMES, ACCOUNT_FEATURES, AccountFeature, cloudsGating } from "../account-features";
import { CloudError } from "../errors";
import { AccountFeatureRecord } from "../store";
import { ActionContext, ActionDefinition, isoTime } from "./types";

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
 * A grant is one cloud's answer to a ticket: on a cloud that does not gate the
 * feature there is nothing to answer, and a grant there would only mislead
 * (the account would still be refused on the cloud that does gate it).
 */
function checkGated(feature: AccountFeature, ctx: ActionContext): void {
  if (feature.applies(ctx.profile)) return;
  const gating = cloudsGating(feature);
  throw new CloudError(
    "InvalidParameterValue.Feature",
    `${ctx.action}: ${ctx.profile.displayName} (cloud '${ctx.profile.name}') does not gate '${feature.name}', so there is no ticket to grant there; ` +
      `it is gated on ${gating.map((p) => `${p.displayName} ('${p.name}')`).join(", ")} (${cite(feature.source)}). ` +
      `Grant it on that cloud (hybridlink account feature grant … --cloud ${gating[0]?.name ?? "<cloud>"}).`,
  );
}

function item(f: AccountFeatureRecord): { account: string; cloud: string; feature: string; ticket: string; grantedAt: string } {
  return { account: f.account, cloud: f.cloud, feature: f.feature, ticket: f.ticket, grantedAt: isoTime(f.grantedAt) };
}

/**
 * The account features a ticket enables (providers/cloud/account-features.ts),
 * per account and cloud. Granting and revoking are the operator's (they stand
 * in for the cloud's support answering a ticket: no account can grant itself);
 * an account describes its own on the cloud it asks, the operator every grant.
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
      checkGated(ACCOUNT_FEATURES[feature], ctx);
      ctx.store.features.grant(ctx.account, ctx.profile.name, feature, ticket, ctx.now);
      return { account: ctx.account, cloud: ctx.profile.name, feature, ticket, grantedAt: isoTime(ctx.now) };
    },
  },
  {
    name: "RevokeAccountFeature",
    writes: true,
    operatorOnly: true,
    run(params, ctx) {
      const feature = featureName(params.value("feature"), ctx.action);
      params.done();
      if (!ctx.store.features.revoke(ctx.account, ctx.profile.name, feature)) {
        const held = ctx.store.features.all().filter((f) => f.account === ctx.account && f.feature === feature);
        throw new CloudError(
          "ResourceNotFound",
          `${ctx.action}: account '${ctx.account}' has no feature '${feature}' on ${ctx.profile.displayName} to revoke` +
            (held.length ? `; it holds it on ${held.map((f) => `'${f.cloud}'`).join(", ")} (name that cloud).` : "."),
        );
      }
      return { account: ctx.account, cloud: ctx.profile.name, feature, revoked: true };
    },
  },
  {
    name: "DescribeAccountFeatures",
    writes: false,
    run(params, ctx) {
      const allAccounts = params.optionalBoolean("allAccounts") === true;
      params.done();
      if (allAccounts && ctx.operator !== true) {
        // Another account's tickets are not this account's to see (as elsewhere, nothing of theirs is shown).
        throw new CloudError(
          "UnauthorizedOperation.OperatorOnly",
          `${ctx.action}: 'allAccounts' shows every account's grants, the store operator's view; account '${ctx.account}' may describe only its own (leave 'allAccounts' out).`,
        );
      }
      const records = allAccounts ? ctx.store.features.all() : ctx.store.features.of(ctx.account, ctx.profile.name);
      return { ...(allAccounts ? {} : { account: ctx.account, cloud: ctx.profile.name }), items: records.map(item) };
    },
  },
];
