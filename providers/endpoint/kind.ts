import { prepaidPeriodOf } from "../../lib";
import { CloudError } from "../cloud";
import type { JsonObject } from "../cloud";

/**
 * One cloud's mapping of the engine's resource kinds to its API (tencent-kinds,
 * alibaba-kinds): how to create, describe, change and delete each, over a port
 * that signs and sends. What the cloud's API cannot express is refused before
 * anything is sent.
 */

/** What a kind's mapping may do: call the cloud in a region, and know a resource's region. */
export interface CloudPort {
  /** The caller's account (the key's owner). */
  readonly account: string;
  call(region: string, action: string, params: object): Record<string, unknown>;
  /** The region an existing resource is in (found once, then remembered), looked up with `account`'s key (default: the caller's). */
  regionOf(id: string, account?: string): string;
  /** The region of requests that name no resource (the first region the profile lists, unless set). */
  defaultRegion(): string;
  remember(id: string, region: string): void;
  /** A simulator verb on the admin path (IDC sites and the like: no cloud has them). */
  admin(action: string, params: object): JsonObject;
}

export interface CloudKind {
  create(params: JsonObject, port: CloudPort): JsonObject;
  /** The Describe item of one resource; throws ResourceNotFound when it is gone. */
  describe(id: string, port: CloudPort): JsonObject;
  modify?(params: JsonObject, port: CloudPort): void;
  delete(id: string, port: CloudPort): void;
}

const s = (v: unknown): string => (typeof v === "string" ? v : "");
/** Tencent's `YYYY-MM-DD hh:mm:ss` (UTC+8 on the real cloud; the simulator's clock in UTC) as ISO. */
const iso = (t: unknown): string | undefined => (typeof t === "string" && t !== "" ? `${t.replace(" ", "T")}.000Z` : undefined);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);

export function notFound(what: string, id: string): CloudError {
  return new CloudError("ResourceNotFound", `${what} '${id}' does not exist (or is not this account's to see).`);
}

/** Refuses what the cloud's API cannot carry, naming the field and what to do instead. */
function unsupported(field: string, why: string): CloudError {
  return new CloudError("UnsupportedOperation.EndpointPath", `${field}: ${why}`);
}

function one(set: unknown, what: string, id: string): Record<string, unknown> {
  const [item] = list(set);
  if (!item) throw notFound(what, id);
  return item;
}

/** The months a subscription was bought for, read back from its creation and expiry: neither cloud's Describe returns the period. */
function periodOf(createdAt: string | undefined, expiresAt: string | undefined): { periodMonths?: number } {
  const months = createdAt && expiresAt ? prepaidPeriodOf(createdAt, expiresAt) : undefined;
  return months !== undefined ? { periodMonths: months } : {};
}

export { iso, list, one, periodOf, s, unsupported };
