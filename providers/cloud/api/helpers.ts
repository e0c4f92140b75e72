import * as crypto from "crypto";
import { CloudError } from "../errors";
import type { JsonObject } from "../params";

/** Items of an engine Describe. */
export function items(result: JsonObject): JsonObject[] {
  return (result.items as JsonObject[]) ?? [];
}

/**
 * Runs `steps` in order; if one fails, undoes the ones that succeeded (newest
 * first) and rethrows, so a multi-item request (CreateRoutes) is all or nothing.
 */
export function allOrNothing<T>(inputs: readonly T[], step: (input: T) => JsonObject, undo: (done: JsonObject) => void): JsonObject[] {
  const done: JsonObject[] = [];
  try {
    for (const input of inputs) done.push(step(input));
    return done;
  } catch (err) {
    for (const d of done.reverse()) {
      try {
        undo(d);
      } catch {
        // Best effort: the refusal that stopped the request is what the caller needs to see.
      }
    }
    throw err;
  }
}

/** A required wire parameter, or MissingParameter naming it. */
export function required<T>(value: T | undefined | null, name: string): T {
  if (value === undefined || value === null || value === "") throw new CloudError("MissingParameter", `The request needs '${name}'; it is missing.`);
  return value;
}

/** Constant-time comparison of two hex signatures (both clouds' signatures are checked this way). */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * The tag that binds a customer gateway to the simulated IDC site its device
 * is in (assumption: the cloud APIs have no such field; a tag is the one place a
 * real request can carry it, and the data plane needs it to deliver to the IDC).
 * One name for both clouds' servers and the endpoint path's client.
 */
export const IDC_SITE_TAG = "hybridlink:idc-site";

/**
 * Alibaba's words for a VPN gateway's billing (cloud-api: CreateVpnGateway
 * InstanceChargeType PREPAY | POSTPAY; DescribeVpnGateway ChargeType Prepay |
 * PostPaid), by the engine's (Tencent's) words. One table for serve and the
 * endpoint path's client, so the two ends cannot drift apart.
 */
export const ALIBABA_CHARGE_TYPES = {
  PREPAID: { request: "PREPAY", described: "Prepay" },
  POSTPAID_BY_HOUR: { request: "POSTPAY", described: "PostPaid" },
} as const;
