import { isRef, isSecretRef, ManifestResource, SecretSource } from "../../core/manifest";
import { Cidr, tryParseCidr } from "../../net/cidr";

/**
 * Defensive readers over manifest props. A hand-written manifest may miss
 * props or carry the wrong types; the structural rules (lib/rules/manifest)
 * report that, and every other rule reads through these so it never throws on it.
 */

/** The logical ID a reference points at, or undefined when it is not a reference. */
export function refId(value: unknown): string | undefined {
  return isRef(value) ? value.ref : undefined;
}

/** The props of a resource as a plain record. */
export function propsOf(resource: ManifestResource): Record<string, unknown> {
  const props = resource.props as unknown;
  return typeof props === "object" && props !== null ? (props as Record<string, unknown>) : {};
}

/** The strings of a list prop (non-strings dropped). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The parsed blocks of a list of CIDR texts, skipping the unparsable (HL-ADDR-001 reports those). */
export function parsedCidrs(value: unknown): Cidr[] {
  const out: Cidr[] = [];
  for (const text of stringList(value)) {
    const cidr = tryParseCidr(text);
    if (cidr) out.push(cidr);
  }
  return out;
}

/** One parsed block, or undefined. */
export function parsedCidr(value: unknown): Cidr | undefined {
  return typeof value === "string" ? tryParseCidr(value) : undefined;
}

/** A secret's source, or undefined when the value is not a secret reference. */
export function secretSource(value: unknown): SecretSource | undefined {
  return isSecretRef(value) && value.secret !== null ? value.secret : undefined;
}

/** How a secret source reads in a message (never the value: the manifest has none). */
export function describeSecret(source: SecretSource): string {
  return source.source === "env" ? `env:${String(source.name)}` : `pulumi-config:${String(source.key)}`;
}

/** `'a', 'b' and 'c'` for messages. */
export function quoteList(values: readonly (string | number)[]): string {
  const quoted = values.map((v) => (typeof v === "number" ? String(v) : `'${v}'`));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** `a, b, c` with an "or" before the last, for "allowed values" lists. */
export function orList(values: readonly (string | number)[]): string {
  const shown = values.map(String);
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}
