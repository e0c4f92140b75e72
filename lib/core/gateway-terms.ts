/**
 * What a customer gateway's description and a VPN gateway's billing terms
 * may be: one definition, used by the constructs (at construction), the
 * engine's Create actions and the manifest schema, so they cannot disagree.
 *
 * Seed 001 names the fields (FACTS.customerGatewayDescription,
 * FACTS.vpnGatewayBillingPeriod) but not their values; the values are the
 * clouds' API references' (FACTS.vpnGatewayChargeType, vpnGatewayPeriod,
 * customerGatewayDescriptionFormat).
 */

/** How a VPN gateway is billed, in Tencent's CreateVpnGateway vocabulary (InstanceChargeType). */
export const VPN_GATEWAY_CHARGE_TYPES = ["PREPAID", "POSTPAID_BY_HOUR"] as const;

export type VpnGatewayChargeType = (typeof VPN_GATEWAY_CHARGE_TYPES)[number];

/** Subscription lengths in months a PREPAID gateway may be bought for (both clouds offer the same). */
export const PREPAID_PERIOD_MONTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36];

/** Longest customer-gateway description (Alibaba CreateCustomerGateway: Description). */
export const MAX_DESCRIPTION_LENGTH = 100;

/** A problem with one field, as the words the construct and the engine both print. */
export interface TermsProblem {
  readonly field: "chargeType" | "periodMonths" | "description";
  /** What is allowed and how to fix it. */
  readonly allowed: string;
}

/** Why `value` is not a description, as "what is allowed" words; undefined when it is one. */
export function descriptionProblem(value: unknown): string | undefined {
  if (typeof value === "string" && value.length >= 1 && value.length <= MAX_DESCRIPTION_LENGTH && !/^https?:\/\//i.test(value)) return undefined;
  return `a description of 1 to ${MAX_DESCRIPTION_LENGTH} characters that does not start with http:// or https://`;
}

/**
 * The billing terms judged together: the charge type is one of
 * VPN_GATEWAY_CHARGE_TYPES; a PREPAID gateway needs a period from
 * PREPAID_PERIOD_MONTHS, and one billed by the hour takes none (the API
 * requires InstanceChargePrepaid only with PREPAID).
 */
export function billingProblem(chargeType: unknown, periodMonths: unknown): TermsProblem | undefined {
  if (chargeType !== undefined && !(VPN_GATEWAY_CHARGE_TYPES as readonly unknown[]).includes(chargeType)) {
    return { field: "chargeType", allowed: `one of ${VPN_GATEWAY_CHARGE_TYPES.join(", ")} (omit it to pay by the hour)` };
  }
  const months = `a whole number of months from ${PREPAID_PERIOD_MONTHS.join(", ")}`;
  if (chargeType === "PREPAID") {
    if (typeof periodMonths !== "number" || !PREPAID_PERIOD_MONTHS.includes(periodMonths)) {
      return { field: "periodMonths", allowed: `${months}: a PREPAID gateway is bought for a period (e.g. periodMonths: 12)` };
    }
  } else if (periodMonths !== undefined) {
    return { field: "periodMonths", allowed: `no period: a gateway billed by the hour has none (set chargeType: "PREPAID" to buy ${months}, or omit periodMonths)` };
  }
  return undefined;
}

/**
 * When a PREPAID gateway bought at `createdAt` for `months` runs out: the same
 * day of the month, `months` later, in UTC (cloud-api: both clouds' Describe
 * returns an expiry — Tencent ExpiredTime, Alibaba EndTime — not the period).
 * Our assumption: a day past the end of a shorter month clamps to its last day.
 */
export function prepaidExpiry(createdAt: string, months: number): string {
  const start = new Date(createdAt);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return end.toISOString();
}

/** The period a gateway was bought for, read back from its creation and expiry; undefined when they are no whole period apart. */
export function prepaidPeriodOf(createdAt: string, expiresAt: string): number | undefined {
  return PREPAID_PERIOD_MONTHS.find((months) => prepaidExpiry(createdAt, months) === new Date(expiresAt).toISOString());
}
