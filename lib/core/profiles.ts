import { Source } from "./provenance";
import { FACTS } from "./sources";

/**
 * Cloud profiles: one engine, several documented clouds. Every number and
 * vocabulary that differs between clouds lives in this one table.
 *
 * Each documented number names its source in lib/core/sources.ts (FACTS.…):
 * a seed's verbatim sentence, the cloud's public API reference, or an
 * assumption of this project with its reason. Region lists are the regions
 * this simulator models, not a cloud's complete list.
 */

export type ProfileName = "tencent" | "alibaba" | "ccb";

/** Region groups of seed 003's billing table; non-mainland peering needs approval. */
export type Geography = "mainland" | "hongkong" | "northamerica";

export interface RegionInfo {
  readonly name: string;
  readonly geography: Geography;
  /**
   * The column of seed 003's price table the region is in (北京 上海 广州 / 香港 / 北美).
   *
   * @default - none: the seed prices no peering from or to this region (a bill for it is unpriced)
   */
  readonly priceColumn?: Geography;
  /**
   * Peering from or to this region needs an approved ticket, and the source that says so.
   *
   * @default - no ticket
   */
  readonly crossBorderTicket?: Source;
  /** seed 003: peering is not offered in ap-shanghai-fsi (华东地区（上海金融）). */
  readonly peeringSupported: boolean;
}

export interface RoutePreferenceVocabulary {
  /** The prop that carries the preference in this cloud's API. */
  readonly field: "priority" | "weight";
  readonly allowed: readonly number[];
  /** The value that marks the active route. */
  readonly preferred: number;
}

export interface HealthCheckRange {
  /** Inclusive interval range in milliseconds. */
  readonly intervalMs: readonly [number, number];
  readonly retries: readonly [number, number];
  readonly defaultIntervalMs: number;
  readonly defaultRetries: number;
}

export interface IpsecVocabulary {
  readonly ikeVersions: readonly string[];
  readonly ikeExchangeModes: readonly string[];
  readonly ikeEncryption: readonly string[];
  readonly ikeIntegrity: readonly string[];
  readonly ikeDhGroups: readonly string[];
  readonly ikeLifetimeSeconds: readonly [number, number];
  readonly ipsecEncryption: readonly string[];
  readonly ipsecIntegrity: readonly string[];
  readonly ipsecPfsDhGroups: readonly string[];
  readonly ipsecLifetimeSeconds: readonly [number, number];
  readonly defaults: {
    readonly ike: {
      readonly version: string;
      readonly exchangeMode: string;
      readonly encryption: string;
      readonly integrity: string;
      readonly dhGroup: string;
      readonly lifetimeSeconds: number;
    };
    readonly ipsec: {
      readonly encryption: string;
      readonly integrity: string;
      readonly pfsDhGroup: string;
      readonly lifetimeSeconds: number;
    };
  };
  /** Pre-shared key: allowed characters and length. */
  readonly preSharedKey: { readonly pattern: RegExp; readonly maxLength: number; readonly description: string };
  /** What a negotiation needs besides the proposals (DPD, who initiates, NAT traversal), with defaults and their sources. */
  readonly negotiation: NegotiationVocabulary;
}

/** Dead peer detection of a connection (Tencent DpdEnable/DpdTimeout/DpdAction, Alibaba EnableDpd). */
export interface DpdSettings {
  readonly enabled: boolean;
  /** Seconds without an answer before the peer is declared dead. */
  readonly timeoutSeconds: number;
  /** restart: negotiate again; clear: tear the SAs down and wait. */
  readonly action: "restart" | "clear";
}

/** Which side starts the negotiation: active (the gateway), passive (the device), flowTrigger (the gateway, on traffic). */
export type NegotiationInitiation = "active" | "passive" | "flowTrigger";

export interface NegotiationVocabulary {
  readonly dpdTimeoutSeconds: readonly [number, number];
  readonly initiations: readonly NegotiationInitiation[];
  readonly defaults: { readonly dpd: DpdSettings; readonly initiation: NegotiationInitiation; readonly natTraversal: boolean };
  /** Where each default comes from: `cloud-api: …` or `assumption: …` (said as such, with the reason). */
  readonly sources: Readonly<Record<"dpd" | "dpdTimeoutRange" | "initiation" | "natTraversal" | "identity", string>>;
}

/**
 * Sources shared by both clouds' negotiation records (issue 18, gap 5). Each
 * says its kind: cloud-api (the public API reference) or assumption.
 */
export const NEGOTIATION_SOURCES = {
  /** The IKE PRF: neither API has a field for it. */
  prf: "assumption: neither CreateVpnConnection (Tencent) nor CreateVpnConnection (Alibaba) exposes the IKE PRF; IKEv2 gateways use the PRF of the integrity algorithm (HMAC-SHA2-256 → PRF-HMAC-SHA2-256), as strongSwan does when none is configured",
  /** Soft (rekey) vs hard lifetime. */
  rekeyMargin: "assumption: the APIs give one SA lifetime (Tencent IKESaLifetimeSeconds/IPSECSaLifetimeSeconds, Alibaba IkeLifetime/IpsecLifetime); it is taken as the hard lifetime and the gateway rekeys at 9/10 of it, strongSwan's default margin (life_time = rekey_time + 10%)",
  /** Route-based selectors. */
  routeSelectors: "assumption: a route-based (destination-route) connection negotiates 0.0.0.0/0 ↔ 0.0.0.0/0 and lets its route table choose, since neither API takes selectors for it (Tencent RouteType StaticRoute has no SecurityPolicyDatabases)",
  /** IKEv2 narrowing. */
  narrowing: "RFC 7296 §2.9: the responder may narrow the proposed traffic selectors to a subset; IKEv1 (RFC 2409) has none, so IKEv1 blocks must be identical (assumption)",
} as const;

/** One price tier of cross-region peering: a daily peak up to `upToMbps` costs this much per Mbps per day, by region group. */
export interface PeeringPriceTier {
  /** Inclusive upper bound of the tier's daily peak, in Mbps. */
  readonly upToMbps: number;
  readonly pricePerMbpsDay: Readonly<Record<Geography, number>>;
}

/**
 * Cross-region peering billing (seed 003, 计费模式): daily, paid by the
 * requester; the day's peak is the highest 5-minute outbound sample plus the
 * highest inbound one; the whole peak is priced at the tier it falls in.
 * Above the last tier there is no list price (请与商务洽谈: contact sales).
 */
export interface PeeringTariff {
  readonly currency: string;
  /** Minutes each bandwidth sample averages over. */
  readonly sampleMinutes: number;
  /** Tiers in increasing order. */
  readonly tiers: readonly PeeringPriceTier[];
}

export interface PeeringLimits {
  readonly crossRegion: boolean;
  /** Peering connections per VPC, both sides counted; undefined = no documented limit. */
  readonly maxPerVpc?: number;
  /** Cross-region bandwidth cap range in Mbps. */
  readonly crossRegionBandwidthMbps?: readonly [number, number];
  /** Days a pending request lives before it expires (seed 003: 7). */
  readonly pendingExpiryDays: number;
  readonly crossBorderNeedsApproval: boolean;
  /**
   * Price list of cross-region peering; same-region peering is free.
   *
   * @default - no published prices (the seeds give none for this cloud)
   */
  readonly crossRegionTariff?: PeeringTariff;
}

export interface CloudProfile {
  readonly name: ProfileName;
  readonly displayName: string;
  readonly regions: readonly RegionInfo[];
  /** VPN gateway types offered; empty when the cloud has no VPN in the seeds. */
  readonly vpnGatewayTypes: readonly ("VPC" | "CCN")[];
  readonly vpnGatewayBandwidthsMbps: readonly number[];
  readonly routePreference: RoutePreferenceVocabulary;
  readonly healthCheck: HealthCheckRange;
  readonly ipsec: IpsecVocabulary;
  readonly peering: PeeringLimits;
  /** Tencent's VPN route table is a gray-release feature (seed 000): it needs an acknowledgement. */
  readonly vpnRouteTableGrayRelease: boolean;
  /** alibaba: a gateway route into 100.64.0.0/10 (shared address space) deserves a warning. */
  readonly warnSharedAddressSpaceRoutes: boolean;
  /**
   * The cloud's CreateCustomerGateway takes a description (FACTS.customerGatewayDescriptionField):
   * Alibaba's does; Tencent's has no such field, so one there is refused rather than kept as fiction.
   */
  readonly customerGatewayDescription: boolean;
  /**
   * Provisioning delay of a VPN gateway, seconds, inclusive range (FACTS.vpnGatewayCreateTime,
   * seed 001: 一般需要1-5分钟); each gateway gets its own delay in the range, from its ID.
   */
  readonly vpnGatewayProvisioningSeconds: readonly [number, number];
}

const GATEWAY_BANDWIDTHS = [5, 10, 20, 50, 100, 200, 500, 1000] as const;

// FACTS.preSharedKeyFormat (assumption): printable ASCII without spaces, 1–100 characters.
const PSK = {
  pattern: /^[\x21-\x7e]{1,100}$/,
  maxLength: 100,
  description: "1–100 printable ASCII characters without spaces",
};

const TENCENT: CloudProfile = {
  name: "tencent",
  displayName: "Tencent Cloud",
  regions: [
    // Price columns and tickets: FACTS.peeringTariff's table and FACTS.crossBorderTicket (seed 003).
    { name: "ap-beijing", geography: "mainland", priceColumn: "mainland", peeringSupported: true },
    { name: "ap-shanghai", geography: "mainland", priceColumn: "mainland", peeringSupported: true },
    { name: "ap-guangzhou", geography: "mainland", priceColumn: "mainland", peeringSupported: true },
    { name: "ap-chengdu", geography: "mainland", peeringSupported: true },
    { name: "ap-nanjing", geography: "mainland", peeringSupported: true },
    { name: "ap-shanghai-fsi", geography: "mainland", peeringSupported: false },
    { name: "ap-hongkong", geography: "hongkong", priceColumn: "hongkong", crossBorderTicket: FACTS.crossBorderTicket, peeringSupported: true },
    { name: "na-toronto", geography: "northamerica", priceColumn: "northamerica", crossBorderTicket: FACTS.crossBorderTicket, peeringSupported: true },
    { name: "na-siliconvalley", geography: "northamerica", priceColumn: "northamerica", crossBorderTicket: FACTS.crossBorderSiliconValley, peeringSupported: true },
  ],
  vpnGatewayTypes: ["VPC", "CCN"],
  vpnGatewayBandwidthsMbps: GATEWAY_BANDWIDTHS,
  // FACTS.tencentRoutePriority (cloud-api; seed 000 only says 通过优先级控制, not the values).
  routePreference: { field: "priority", allowed: [0, 100], preferred: 0 },
  // FACTS.tencentHealthCheck (cloud-api): ProbeInterval 1000–5000 ms, ProbeThreshold 3–8.
  healthCheck: { intervalMs: [1000, 5000], retries: [3, 8], defaultIntervalMs: 2000, defaultRetries: 3 },
  ipsec: {
    // FACTS.ipsecVocabulary (cloud-api): IKEOptionsSpecification / IPSECOptionsSpecification values; the defaults are our choice.
    ikeVersions: ["IKEV1", "IKEV2"],
    ikeExchangeModes: ["MAIN", "AGGRESSIVE"],
    ikeEncryption: ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "SM4"],
    ikeIntegrity: ["MD5", "SHA", "SHA-256"],
    ikeDhGroups: ["GROUP1", "GROUP2", "GROUP5", "GROUP14", "GROUP24"],
    ikeLifetimeSeconds: [60, 604800],
    ipsecEncryption: ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "SM4", "NULL"],
    ipsecIntegrity: ["MD5", "SHA1", "SHA-256"],
    ipsecPfsDhGroups: ["NULL", "DH-GROUP1", "DH-GROUP2", "DH-GROUP5", "DH-GROUP14", "DH-GROUP24"],
    ipsecLifetimeSeconds: [180, 604800],
    defaults: {
      ike: {
        version: "IKEV2",
        exchangeMode: "MAIN",
        encryption: "AES-CBC-256",
        integrity: "SHA-256",
        dhGroup: "GROUP14",
        lifetimeSeconds: 86400,
      },
      ipsec: { encryption: "AES-CBC-256", integrity: "SHA-256", pfsDhGroup: "DH-GROUP14", lifetimeSeconds: 3600 },
    },
    preSharedKey: PSK,
    negotiation: {
      dpdTimeoutSeconds: [1, 3600],
      initiations: ["active", "passive", "flowTrigger"],
      defaults: { dpd: { enabled: false, timeoutSeconds: 30, action: "restart" }, initiation: "active", natTraversal: true },
      sources: {
        dpd: "cloud-api: Tencent CreateVpnConnection DpdEnable (默认为0，表示关闭DPD探测), DpdTimeout (默认30，单位为秒), DpdAction (clear|restart, 默认值 restart)",
        dpdTimeoutRange: "assumption: the API reference gives DpdTimeout's default (30 s) but no range; 1–3600 s accepted",
        initiation: "cloud-api: Tencent CreateVpnConnection NegotiationType (协商类型，默认为active（主动协商）; active|passive|flowTrigger)",
        natTraversal: "assumption: Tencent's API has no NAT-traversal switch; NAT detection is part of IKEv2 (RFC 7296 §2.23), so it is on",
        identity: "cloud-api: Tencent IKEOptionsSpecification LocalIdentity/RemoteIdentity (默认为ADDRESS), LocalAddress (默认为vpn网关公网IP); the remote identity is the customer gateway's address",
      },
    },
  },
  peering: {
    crossRegion: true,
    maxPerVpc: 10,
    crossRegionBandwidthMbps: [1, 10000],
    pendingExpiryDays: 7,
    crossBorderNeedsApproval: true,
    // FACTS.peeringTariff, seed 003's table: 元 / Mbps / 天 by column 北京 上海 广州 / 香港 / 北美; above 100 Mbps 请与商务洽谈.
    crossRegionTariff: {
      currency: "CNY",
      sampleMinutes: 5,
      tiers: [
        { upToMbps: 20, pricePerMbpsDay: { mainland: 20, hongkong: 120, northamerica: 120 } },
        { upToMbps: 100, pricePerMbpsDay: { mainland: 12, hongkong: 80, northamerica: 80 } },
      ],
    },
  },
  vpnRouteTableGrayRelease: true,
  customerGatewayDescription: false,
  warnSharedAddressSpaceRoutes: false,
  vpnGatewayProvisioningSeconds: [60, 300],
};

const ALIBABA: CloudProfile = {
  name: "alibaba",
  displayName: "Alibaba Cloud",
  regions: [
    { name: "cn-hangzhou", geography: "mainland", peeringSupported: true },
    { name: "cn-shanghai", geography: "mainland", peeringSupported: true },
    { name: "cn-beijing", geography: "mainland", peeringSupported: true },
    { name: "cn-shenzhen", geography: "mainland", peeringSupported: true },
    { name: "cn-hongkong", geography: "hongkong", peeringSupported: true },
    { name: "us-west-1", geography: "northamerica", peeringSupported: true },
  ],
  vpnGatewayTypes: ["VPC"],
  vpnGatewayBandwidthsMbps: GATEWAY_BANDWIDTHS,
  // FACTS.alibabaRouteWeight (seed 001): destination routes with weight 100 (active) and 0 (standby).
  routePreference: { field: "weight", allowed: [0, 100], preferred: 100 },
  // FACTS.alibabaHealthCheck (cloud-api): interval and retry; the ranges are our assumption of generous bounds.
  healthCheck: { intervalMs: [1000, 60000], retries: [1, 100], defaultIntervalMs: 3000, defaultRetries: 3 },
  ipsec: {
    ikeVersions: ["ikev1", "ikev2"],
    ikeExchangeModes: ["main", "aggressive"],
    ikeEncryption: ["aes", "aes192", "aes256", "des", "3des"],
    ikeIntegrity: ["md5", "sha1", "sha256", "sha384", "sha512"],
    ikeDhGroups: ["group1", "group2", "group5", "group14", "group24"],
    ikeLifetimeSeconds: [0, 86400],
    ipsecEncryption: ["aes", "aes192", "aes256", "des", "3des"],
    ipsecIntegrity: ["md5", "sha1", "sha256", "sha384", "sha512"],
    ipsecPfsDhGroups: ["disabled", "group1", "group2", "group5", "group14", "group24"],
    ipsecLifetimeSeconds: [0, 86400],
    defaults: {
      ike: {
        version: "ikev2",
        exchangeMode: "main",
        encryption: "aes256",
        integrity: "sha256",
        dhGroup: "group14",
        lifetimeSeconds: 86400,
      },
      ipsec: { encryption: "aes256", integrity: "sha256", pfsDhGroup: "group14", lifetimeSeconds: 86400 },
    },
    preSharedKey: PSK,
    negotiation: {
      dpdTimeoutSeconds: [1, 3600],
      initiations: ["active", "flowTrigger"],
      defaults: { dpd: { enabled: true, timeoutSeconds: 30, action: "clear" }, initiation: "flowTrigger", natTraversal: true },
      sources: {
        dpd: "cloud-api: Alibaba CreateVpnConnection EnableDpd (true (default): … If no correct response is received within the specified period of time, the peer is considered disconnected. The ISAKMP SA and the corresponding IPsec SA are deleted), hence action clear; the period is not documented (assumption: 30 s, Tencent's default)",
        dpdTimeoutRange: "assumption: Alibaba documents no DPD timeout; 1–3600 s accepted",
        initiation: "cloud-api: Alibaba CreateVpnConnection EffectImmediately (false (default): The system initiates IPsec protocol negotiation only when inbound traffic is detected) = flowTrigger; true = active",
        natTraversal: "cloud-api: Alibaba CreateVpnConnection EnableNatTraversal (true (default): Enables NAT traversal)",
        identity: "cloud-api: Alibaba CreateVpnConnection IkeConfig.LocalId (Default value: the IP address of the VPN gateway), IkeConfig.RemoteId (Default value: the IP address of the customer gateway)",
      },
    },
  },
  peering: { crossRegion: true, pendingExpiryDays: 7, crossBorderNeedsApproval: false },
  vpnRouteTableGrayRelease: false,
  customerGatewayDescription: true,
  warnSharedAddressSpaceRoutes: true,
  vpnGatewayProvisioningSeconds: [60, 300],
};

const CCB: CloudProfile = {
  name: "ccb",
  displayName: "CCB Cloud (建行云)",
  regions: [{ name: "wuhan", geography: "mainland", peeringSupported: true }],
  vpnGatewayTypes: [],
  vpnGatewayBandwidthsMbps: [],
  routePreference: { field: "priority", allowed: [0, 100], preferred: 0 },
  healthCheck: TENCENT.healthCheck,
  ipsec: TENCENT.ipsec,
  // seed 004 documents same-region peering only (HL-PEER-008, an assumption), 10 per VPC (每个私有网络支持的对等连接数为10个), no cap.
  peering: { crossRegion: false, maxPerVpc: 10, pendingExpiryDays: 7, crossBorderNeedsApproval: false },
  vpnRouteTableGrayRelease: false,
  // seed 004 documents no VPN; Tencent's API shape, as for the rest of this profile.
  customerGatewayDescription: false,
  warnSharedAddressSpaceRoutes: false,
  vpnGatewayProvisioningSeconds: [60, 300],
};

const PROFILES: Readonly<Record<ProfileName, CloudProfile>> = { tencent: TENCENT, alibaba: ALIBABA, ccb: CCB };

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** The profile of that name, or undefined. */
export function tryFindProfile(name: string): CloudProfile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name as ProfileName] : undefined;
}

/** The profile of that name; throws naming the allowed profiles otherwise. */
export function findProfile(name: string): CloudProfile {
  const profile = tryFindProfile(name);
  if (!profile) {
    throw new Error(`Unknown cloud profile '${name}': use one of ${PROFILE_NAMES.join(", ")}`);
  }
  return profile;
}

export function tryFindRegion(profile: CloudProfile, region: string): RegionInfo | undefined {
  return profile.regions.find((r) => r.name === region);
}

/** Rank of a gateway route in its profile: 0 is the preferred route, higher is less preferred. */
/**
 * The profile whose catalog lists this region, if any. assumption: region
 * names do not repeat across the profiles (tencent ap-/na-, alibaba cn-/us-,
 * ccb wuhan), so a region says which cloud a resource lives in.
 */
export function profileOfRegion(region: string | undefined): CloudProfile | undefined {
  if (region === undefined) return undefined;
  return PROFILE_NAMES.map((n) => findProfile(n)).find((p) => p.regions.some((r) => r.name === region));
}

export function preferenceRank(profile: CloudProfile, route: { priority?: number; weight?: number }): number {
  const value = profile.routePreference.field === "priority" ? route.priority : route.weight;
  if (value === undefined) return 0;
  return profile.routePreference.field === "priority" ? value : 100 - value;
}
