import { RESOURCE_TYPES, ResourceType } from "../../lib";
import { PropSchema, RESOURCE_SCHEMA } from "../../lib";
import { KINDS } from "../cloud";
import { ACCEPT_INPUT, ACCOUNT_INPUT } from "./inputs";

/**
 * What a provider needs to know about one type's inputs: which change in
 * place, which force a new resource, which name other resources and which are
 * secrets. `diff` (Pulumi and the CLI plan) and `update` (the Modify call)
 * both read this table.
 */
export interface FieldTable {
  /** Every input, in spec order, then `account` (and `accept` for peerings). */
  readonly inputs: readonly string[];
  /** Inputs the cloud's Modify action changes in place. */
  readonly mutable: readonly string[];
  /** Inputs whose change needs a new resource. */
  readonly immutable: readonly string[];
  /** Inputs that carry another resource's cloud ID (or attribute). */
  readonly refs: readonly string[];
  /** Dotted paths of secret inputs (pre-shared keys); never returned in clear. */
  readonly secrets: readonly string[];
  /** Spec fields sent to the cloud (every input but the provider's own). */
  readonly spec: readonly string[];
}

function secretPaths(schema: Readonly<Record<string, PropSchema>>, prefix = ""): string[] {
  const out: string[] = [];
  for (const [name, prop] of Object.entries(schema)) {
    if (prop.kind === "secret") out.push(`${prefix}${name}`);
    if (prop.fields) out.push(...secretPaths(prop.fields, `${prefix}${name}.`));
  }
  return out;
}

function tableOf(type: ResourceType): FieldTable {
  // The manifest schema is the shape of the inputs; the cloud's own kind table says what Modify may change.
  const schema = RESOURCE_SCHEMA[type];
  const spec = Object.keys(schema);
  const cloudMutable = new Set(KINDS[type].mutable);
  const extra = type === "PeeringConnection" ? [ACCEPT_INPUT] : [];
  const mutable = [...spec.filter((f) => cloudMutable.has(f)), ...extra];
  const immutable = [...spec.filter((f) => !cloudMutable.has(f)), ACCOUNT_INPUT];
  return {
    inputs: [...spec, ACCOUNT_INPUT, ...extra],
    mutable,
    immutable,
    refs: spec.filter((f) => schema[f].kind === "ref"),
    secrets: secretPaths(schema),
    spec,
  };
}

/** The field table of every low-level type. */
export const FIELD_TABLES: Readonly<Record<ResourceType, FieldTable>> = Object.fromEntries(
  RESOURCE_TYPES.map((t) => [t, tableOf(t)]),
) as Record<ResourceType, FieldTable>;

/** True for a known low-level type name. */
export function isResourceType(value: unknown): value is ResourceType {
  return typeof value === "string" && (RESOURCE_TYPES as readonly string[]).includes(value);
}
