import { IConstruct } from "constructs";

/** `base`, or `base2`, `base3`… — the first ID not yet taken under `scope`. */
export function uniqueChildId(scope: IConstruct, base: string): string {
  if (!scope.node.tryFindChild(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!scope.node.tryFindChild(candidate)) return candidate;
  }
}

/** A display name for child `id` of `scope`: its would-be construct path with `-` for `/` (unique in the app). */
export function displayName(scope: IConstruct, id: string): string {
  return [...scope.node.scopes.map((s) => s.node.id).filter((s) => s !== ""), id].join("-");
}
