import type { CloudProfile } from "../../../../lib";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";
import type { Plain } from "./wire";

export { allOrNothing, items, required } from "../helpers";

/** What an Alibaba handler may do: call the engine as the key's account, in the request's RegionId. */
export interface AlibabaCall {
  readonly account: string;
  readonly region: string;
  readonly profile: CloudProfile;
  engine(action: string, params: object): JsonObject;
}

/** One Alibaba action over the engine, typed with the SDK's model classes (their data properties). */
export interface AlibabaHandler {
  run(request: never, call: AlibabaCall): object;
  readonly wireNames?: Readonly<Record<string, string>>;
}

export function handler<Req, Res>(
  run: (request: Plain<Req>, call: AlibabaCall) => Omit<Plain<Res>, "requestId">,
  wireNames?: Record<string, string>,
): AlibabaHandler {
  return { run: run, ...(wireNames ? { wireNames } : {}) };
}

/** PageNumber (1-based) and PageSize (default 10, at most 50) over a list, as Alibaba's Describe actions page. */
export function page<T>(list: readonly T[], request: { pageNumber?: number; pageSize?: number }): { set: T[]; pageNumber: number; pageSize: number; totalCount: number } {
  const pageNumber = request.pageNumber ?? 1;
  const pageSize = request.pageSize ?? 10;
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) {
    throw new CloudError("InvalidParameter", `PageNumber (${pageNumber}) must be 1 or more and PageSize (${pageSize}) 1–50.`);
  }
  return { set: list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize), pageNumber, pageSize, totalCount: list.length };
}

/** A comma-separated ID list parameter (Alibaba takes several IDs in one string). */
export function idList(value: string | undefined): string[] | undefined {
  const ids = value?.split(",").map((v) => v.trim()).filter(Boolean);
  return ids?.length ? ids : undefined;
}

/** Engine Describe parameters: the IDs if given, else the region's resources. */
export function scoped(call: AlibabaCall, ids?: string[], filters: Record<string, string> = {}): object {
  return { ...(ids ? { ids } : {}), filters: { region: call.region, ...filters } };
}

/** Engine ISO time as Alibaba's millisecond timestamps (CreateTime) and UTC strings (CreationTime). */
export const millis = (iso: unknown): number => (typeof iso === "string" ? Date.parse(iso) : 0);
export const utc = (iso: unknown): string => (typeof iso === "string" ? `${iso.slice(0, 19)}Z` : "");
