import { HybridlinkError, Manifest, ManifestResource, NetworkApp, NetworkModel, ProfileName, reachabilityMatrix, ResourcePropsByType, ResourceType } from "../../lib";
import type { Finding } from "../../lib";

/** What a test reads after synth: the manifest and every finding. */
export interface Synthesized {
  readonly manifest: Manifest;
  readonly findings: readonly Finding[];
  readonly errors: readonly Finding[];
}

/** A fresh app of a profile. */
export function newApp(profile: ProfileName = "tencent", trustedAccounts: string[] = []): NetworkApp {
  return new NetworkApp({ profile, trustedAccounts });
}

/** Synth without throwing, so tests can assert the findings. */
export function synth(app: NetworkApp): Synthesized {
  const { manifest, report } = app.synthesize({ throwOnError: false });
  return { manifest, findings: report.findings, errors: report.errors };
}

/** The resources of one type, in manifest order. */
export function ofType<T extends ResourceType>(manifest: Manifest, type: T): ManifestResource<T>[] {
  return manifest.resources.filter((r) => r.type === type) as ManifestResource<T>[];
}

/** Resource count per type, for "resourceCountIs"-style assertions. */
export function countByType(manifest: Manifest): Partial<Record<ResourceType, number>> {
  const counts: Partial<Record<ResourceType, number>> = {};
  for (const r of manifest.resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}

/** The props of the resource with this logical ID; fails the test when absent or of another type. */
export function propsOf<T extends ResourceType>(manifest: Manifest, logicalId: string, type: T): ResourcePropsByType[T] {
  const r = manifest.resources.find((x) => x.logicalId === logicalId);
  if (!r) throw new Error(`no resource '${logicalId}' in the manifest; it has ${manifest.resources.map((x) => x.logicalId).join(", ")}`);
  if (r.type !== type) throw new Error(`'${logicalId}' is a ${r.type}, not a ${type}`);
  return r.props as ResourcePropsByType[T];
}

/** The error a function throws, asserted to be a HybridlinkError with this code. */
export function thrownBy(fn: () => unknown, code: string): HybridlinkError {
  try {
    fn();
  } catch (err) {
    if (!HybridlinkError.isHybridlinkError(err)) throw new Error(`expected HybridlinkError ${code}, got ${String(err)}`);
    expect(err.code).toBe(code);
    return err;
  }
  throw new Error(`expected HybridlinkError ${code}, nothing was thrown`);
}

/** `[path, ruleId]` of every error-level finding, for exact comparisons. */
export function errorKeys(s: Synthesized): Array<[string, string]> {
  return s.errors.map((f) => [f.path, f.ruleId]);
}

/**
 * The one-way verdict of every ordered pair as rows of cells (`-` on the
 * diagonal, `.` for delivered, the reason code otherwise), endpoints by ID or name.
 */
export function verdictGrid(model: NetworkModel, endpoints: readonly string[]): string[][] {
  const m = reachabilityMatrix(model, endpoints);
  return endpoints.map((_, i) => endpoints.map((__, j) => (i === j ? "-" : m.traceVerdictAt(i, j) === "DELIVERED" ? "." : m.traceVerdictAt(i, j))));
}

/**
 * Asserts that `build` throws the pattern error `code` and leaves the app's
 * construct tree as `setup` left it (bad input changes nothing). Returns the message.
 */
export function refused(
  code: string,
  build: (app: NetworkApp) => unknown,
  setup?: (app: NetworkApp) => void,
  profile: ProfileName = "tencent",
): string {
  const app = newApp(profile);
  setup?.(app);
  const before = app.node.findAll().map((c) => c.node.path);
  const error = thrownBy(() => build(app), code);
  expect(app.node.findAll().map((c) => c.node.path)).toEqual(before);
  expect(error.message).toContain(`[${code}]`);
  return error.message;
}
