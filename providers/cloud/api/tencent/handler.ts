import type * as M from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_models";
import type { CloudProfile } from "../../../../lib";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";

/** What a handler may do: call the engine as the key's account, in the request's region. */
export interface TencentCall {
  /** The Tencent action being answered (refusals name it, as the engine's do). */
  readonly action: string;
  readonly account: string;
  /** X-TC-Region. */
  readonly region: string;
  readonly profile: CloudProfile;
  /** One engine action (its public `request`), as the caller's account. */
  engine(action: string, params: object): JsonObject;
}

/**
 * One Tencent action over the engine. Typed with the SDK's own request and
 * response interfaces; the response's other declared fields are filled with
 * zero values by the responder.
 */
export interface TencentHandler {
  run(request: never, call: TencentCall): object;
  /** Engine parameter names as this action's wire names, so refusals name what the caller sent. */
  readonly wireNames?: Readonly<Record<string, string>>;
}

export function handler<Req, Res>(run: (request: Req, call: TencentCall) => Omit<Res, "RequestId">, wireNames?: Record<string, string>): TencentHandler {
  return { run: run, ...(wireNames ? { wireNames } : {}) };
}

/** `vpc-id` → `VpcId`: Tencent's filter names are the kebab-case of the field they match. */
function fieldOfFilter(name: string): string {
  return name
    .split("-")
    .map((part) => (part === "id" ? "Id" : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("");
}

/**
 * Filters (every filter must match; any of its values), then Offset/Limit,
 * over rendered items, as Tencent's Describe actions page. `extra` maps filter
 * names that match several fields (a peering's `vpc-id`).
 */
export function page<T extends object>(
  items: readonly T[],
  request: { Filters?: M.Filter[]; Offset?: number | string; Limit?: number | string },
  extra: Readonly<Record<string, (item: T) => unknown[]>> = {},
): { set: T[]; total: number } {
  let kept = [...items];
  for (const filter of request.Filters ?? []) {
    const name = String(filter.Name ?? "");
    const values = (filter.Values ?? []).map(String);
    const field = fieldOfFilter(name);
    const pick = extra[name] ?? (items.length && field in items[0] ? (item: T) => [(item as Record<string, unknown>)[field]] : undefined);
    if (!pick && items.length) {
      throw new CloudError("InvalidParameter.FilterInvalidKey", `Filter '${name}' is not supported here (it matches no field of the result).`);
    }
    if (pick) kept = kept.filter((item) => pick(item).some((v) => values.includes(String(v))));
  }
  const offset = Number(request.Offset ?? 0);
  const limit = Number(request.Limit ?? 100);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 0) {
    throw new CloudError("InvalidParameterValue.Range", `Offset (${String(request.Offset)}) and Limit (${String(request.Limit)}) must be non-negative integers.`);
  }
  return { set: kept.slice(offset, offset + limit), total: kept.length };
}

export { allOrNothing, items, required } from "../helpers";
