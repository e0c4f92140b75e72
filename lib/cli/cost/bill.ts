import { CloudProfile, Geography, PeeringPriceTier, tryFindRegion } from "../../core/profiles";
import { HybridlinkError } from "../../core/errors";

/** One bandwidth sample of a peering: the average over one sampling period (5 minutes, seed 003). */
export interface TrafficSample {
  /** Start of the period, ms since the epoch. */
  readonly at: number;
  /** Requester → accepter, Mbps. */
  readonly outMbps: number;
  /** Accepter → requester, Mbps. */
  readonly inMbps: number;
}

/** The peering a bill is for. */
export interface BilledPeering {
  readonly id: string;
  readonly name: string;
  /** The requester pays (seed 003: 由对等连接发起方支付). */
  readonly requesterAccount: string;
  readonly requesterRegion: string;
  readonly accepterRegion: string;
}

/** One day of a peering's bill. */
export interface DailyCharge {
  /** The billing day, YYYY-MM-DD in China Standard Time (UTC+8), or a label for given peaks. */
  readonly date: string;
  /** Samples the peaks come from; 0 for given peaks. */
  readonly samples: number;
  readonly peakOutMbps: number;
  readonly peakInMbps: number;
  /** peakOut + peakIn (seed 003: 出 max + 入 max). */
  readonly peakMbps: number;
  /** `0–20 Mbps`; undefined above the last tier. */
  readonly tier?: string;
  readonly pricePerMbpsDay?: number;
  readonly amount?: number;
  /** Above the last published tier: the price is negotiated (请与商务洽谈). */
  readonly contactSales: boolean;
}

/** Where a bill's figures come from. */
export type FiguresSource = "given peaks" | "samples file" | "recorded traffic" | "bandwidth cap";

/** What a peering costs over the sampled days. */
export interface PeeringBill {
  readonly peering: BilledPeering;
  /**
   * Where the figures come from (deployed peerings; a what-if has given figures).
   *
   * @default - not stated
   */
  readonly source?: FiguresSource;
  readonly payer: string;
  readonly crossRegion: boolean;
  /** The region group whose prices apply (the dearer end's). */
  readonly priceGroup?: Geography;
  readonly currency?: string;
  readonly days: readonly DailyCharge[];
  /** Sum of the priced days. */
  readonly total: number;
  /** Why nothing is charged or priced, for people. */
  readonly note?: string;
}

/** Billing days are Beijing days: the clouds of the seeds bill in China Standard Time. */
const BILLING_UTC_OFFSET_MS = 8 * 3600 * 1000;

/**
 * The bill of one peering by seed 003's rules: same-region is free;
 * cross-region is billed per day to the requester — the day's peak is the
 * highest outbound sample plus the highest inbound one, priced whole at the
 * tier it falls in, in the dearer region group of the two ends (mainland,
 * Hong Kong, North America); above the last tier there is no list price.
 */
export function billPeering(profile: CloudProfile, peering: BilledPeering, samples: readonly TrafficSample[]): PeeringBill {
  const base = { peering, payer: peering.requesterAccount };
  const groups = [peering.requesterRegion, peering.accepterRegion].map((r) => regionGroup(profile, r));
  if (peering.requesterRegion === peering.accepterRegion) {
    return { ...base, crossRegion: false, days: [], total: 0, note: "same-region peering is free (seed 003)" };
  }
  const tariff = profile.peering.crossRegionTariff;
  if (!tariff) {
    return { ...base, crossRegion: true, days: [], total: 0, note: `${profile.displayName} publishes no cross-region peering prices in the seeds` };
  }
  const byDay = new Map<string, TrafficSample[]>();
  for (const s of samples) {
    const date = new Date(s.at + BILLING_UTC_OFFSET_MS).toISOString().slice(0, 10);
    const day = byDay.get(date);
    if (day) day.push(s);
    else byDay.set(date, [s]);
  }
  const priceGroup = dearer(tariff.tiers[0], groups[0], groups[1]);
  const days = [...byDay.keys()].sort().map((date) => chargeOfDay(date, byDay.get(date)!, tariff.tiers, priceGroup));
  const total = round2(days.reduce((sum, d) => sum + (d.amount ?? 0), 0));
  const unpriced = days.filter((d) => d.contactSales).length;
  return {
    ...base,
    crossRegion: true,
    priceGroup,
    currency: tariff.currency,
    days,
    total,
    ...(unpriced ? { note: `${unpriced} day(s) peaked above ${tariff.tiers[tariff.tiers.length - 1].upToMbps} Mbps: no list price, contact sales (请与商务洽谈)` } : {}),
  };
}

/**
 * The daily charge for given peaks (a what-if, or a day measured elsewhere):
 * the same rules as `billPeering`, with the peaks in place of samples.
 */
export function billPeaks(profile: CloudProfile, peering: BilledPeering, peakOutMbps: number, peakInMbps: number, label = "per day"): PeeringBill {
  // One sample carrying both peaks has exactly those peaks.
  const bill = billPeering(profile, peering, [{ at: 0, outMbps: peakOutMbps, inMbps: peakInMbps }]);
  return { ...bill, days: bill.days.map((d) => ({ ...d, date: label, samples: 0 })) };
}

function chargeOfDay(date: string, samples: readonly TrafficSample[], tiers: readonly PeeringPriceTier[], group: Geography): DailyCharge {
  const peakOutMbps = Math.max(...samples.map((s) => s.outMbps));
  const peakInMbps = Math.max(...samples.map((s) => s.inMbps));
  const peakMbps = round2(peakOutMbps + peakInMbps);
  const index = tiers.findIndex((t) => peakMbps <= t.upToMbps);
  const base = { date, samples: samples.length, peakOutMbps, peakInMbps, peakMbps };
  if (index < 0) return { ...base, contactSales: true };
  const tier = tiers[index];
  const from = index === 0 ? 0 : tiers[index - 1].upToMbps;
  const price = tier.pricePerMbpsDay[group];
  return { ...base, tier: `${from}–${tier.upToMbps} Mbps`, pricePerMbpsDay: price, amount: round2(peakMbps * price), contactSales: false };
}

/** The group of the two whose price is higher (they agree across tiers in seed 003's table). */
function dearer(tier: PeeringPriceTier, a: Geography, b: Geography): Geography {
  return tier.pricePerMbpsDay[b] > tier.pricePerMbpsDay[a] ? b : a;
}

function regionGroup(profile: CloudProfile, region: string): Geography {
  const info = tryFindRegion(profile, region);
  if (!info) {
    throw new HybridlinkError(
      "UnknownRegion",
      `Region '${region}' is not a ${profile.displayName} region. Regions: ${profile.regions.map((r) => r.name).join(", ")}.`,
    );
  }
  return info.geography;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
