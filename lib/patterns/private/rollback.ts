import { IConstruct } from "constructs";

/**
 * Takes a half-built construct back out of its scope, so a constructor or
 * `addXxx` that throws leaves the tree as it was (bad input changes nothing).
 * Checks run before any construct outside this subtree is touched.
 */
export function rollback(construct: IConstruct): void {
  construct.node.scope?.node.tryRemoveChild(construct.node.id);
}
