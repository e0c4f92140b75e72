import { ResourceState } from "./checkpoint";
import { ProviderHost } from "./provider-host";
import { JsonObject, markSecret, reveal, secretPaths } from "./wire";

export type StepOp = "create" | "update" | "same" | "replace" | "delete";

/** What the deployment did (or, in a preview, would do) to one resource. */
export interface Step {
  readonly op: StepOp;
  readonly urn: string;
}

/**
 * The engine's decision for one custom resource the program registered, as
 * Pulumi's step generator makes it: Check the new inputs; no old state →
 * create; else Diff → same, update in place, or replace (create the new one,
 * delete the old one when the program is done). The dynamic provider does not
 * accept secrets and does not support preview, so the engine sends it plain
 * values, marks the inputs' secret paths secret again in its outputs, and in
 * a preview answers with the checked inputs instead of calling Create/Update.
 */
export async function stepFor(
  provider: ProviderHost,
  dryRun: boolean,
  urn: string,
  news: JsonObject,
  old: ResourceState | undefined,
): Promise<{ step: Step; id: string; outputs: JsonObject; inputs: JsonObject; replaced?: ResourceState }> {
  const secrets = secretPaths(news);
  const plain = (v: JsonObject) => (provider.acceptsSecrets ? v : (reveal(v) as JsonObject));
  const checked = await provider.check(urn, old ? plain(old.inputs) : {}, plain(news));
  if (checked.failures.length > 0) {
    throw new Error(`${urn}: check failed: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
  }
  const inputs = markSecret(checked.inputs, secrets);
  const answer = (op: StepOp, id: string, outputs: JsonObject, replaced?: ResourceState) => ({
    step: { op, urn },
    id,
    outputs: markSecret(outputs, secrets),
    inputs,
    ...(replaced ? { replaced } : {}),
  });

  if (!old) {
    if (dryRun) return answer("create", "", inputs);
    const created = await provider.create(urn, plain(inputs));
    return answer("create", created.id, created.outputs);
  }
  const diff = await provider.diff(urn, old.id!, plain(old.outputs), plain(inputs), plain(old.inputs));
  const changed = diff.changes === "some" || (diff.changes === "unknown" && JSON.stringify(reveal(old.inputs)) !== JSON.stringify(reveal(inputs)));
  if (!changed) return answer("same", old.id!, old.outputs);
  if (diff.replaces.length > 0) {
    if (dryRun) return answer("replace", "", inputs);
    const created = await provider.create(urn, plain(inputs));
    return answer("replace", created.id, created.outputs, old);
  }
  if (dryRun) return answer("update", old.id!, { ...old.outputs, ...inputs });
  const outputs = await provider.update(urn, old.id!, plain(old.outputs), plain(inputs), plain(old.inputs));
  return answer("update", old.id!, outputs);
}
