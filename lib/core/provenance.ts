/**
 * Where a rule, a refusal or a documented number comes from. Exactly one kind
 * each, so a reader (and test/provenance) can tell a cloud's documented
 * behaviour from the project's own choice:
 * - `seed`: one of the documents in ../shared/seeds, quoted verbatim in its
 *   own language, with a translation;
 * - `cloud-api`: the cloud's public API reference (action, field or error code);
 * - `assumption`: a choice of this project, with the reason.
 */

/** The seed documents (../shared/seeds), by their number. */
export const SEED_FILES = {
  "000": "000_11478e3c852afabd.txt",
  "001": "001_31a3006ea02bfdf7.txt",
  "003": "003_75af117516b25042.txt",
  "004": "004_44f13b38f991dfeb.txt",
} as const;

export type SeedNumber = keyof typeof SEED_FILES;

export interface SeedSource {
  readonly kind: "seed";
  /** The seed's file name in shared/seeds. */
  readonly file: string;
  /** A sentence (or table cell) of the seed, verbatim, in the seed's language. */
  readonly quote: string;
  readonly translation: string;
}

export interface CloudApiSource {
  readonly kind: "cloud-api";
  /** The cloud whose public API reference says it ("Tencent Cloud", "Alibaba Cloud"). */
  readonly cloud: string;
  /** The action, field or error code, e.g. `CreateVpnGatewayRoutes: Routes.N.Priority`. */
  readonly api: string;
  /** What the reference says, in a few words. */
  readonly reference: string;
}

export interface AssumptionSource {
  readonly kind: "assumption";
  /** Why the project chose this, since no cloud document says it. */
  readonly reason: string;
}

export type Source = SeedSource | CloudApiSource | AssumptionSource;

export function seed(number: SeedNumber, quote: string, translation: string): SeedSource {
  return { kind: "seed", file: SEED_FILES[number], quote, translation };
}

export function cloudApi(cloud: string, api: string, reference: string): CloudApiSource {
  return { kind: "cloud-api", cloud, api, reference };
}

export function assumption(reason: string): AssumptionSource {
  return { kind: "assumption", reason };
}

/** The seed's number from its file name (`003_75af….txt` → `003`). */
export function seedNumber(file: string): string {
  return file.slice(0, 3);
}

/** A short citation for messages: `seed 003: 「…」 (…)`, `Tencent Cloud API CreateX: Field`, `assumption: …`. */
export function cite(source: Source): string {
  switch (source.kind) {
    case "seed":
      return `seed ${seedNumber(source.file)}: 「${source.quote}」 (${source.translation})`;
    case "cloud-api":
      return `${source.cloud} API ${source.api}`;
    case "assumption":
      return `assumption: ${source.reason}`;
  }
}
