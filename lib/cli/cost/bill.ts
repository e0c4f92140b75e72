import { CloudProfile, Geography, PeeringPriceTier, RegionInfo, tryFindRegion } from "../../core/profiles";
import { HybridlinkError } from "../../core/errors";
import { cite } from "../../core/provenance";
import { FACTS } from "../../core/sources";

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
  /** The billing day, YYYY-MM-DD in the bill's time zone (default UTC+08:00), or a label for given peaks. */
  readonly date: string;
  /** Samples the peaks come from; 0 for given peaks. */
  readonly samples: number;
  readonly peakOutMbps: number;
  readonly peakInMbps: number;
  /** peakOut + peakIn (seed 003: 出 max + 入 max). */
  readonly peakMbps: number;
  /** `0–20 Mbps`; undefined above the last tier. */
  readonly tier?: string;
  /** null when there is no list price (contact sales, or a region the table does not price). */
  readonly pricePerMbpsDay: number | null;
  /** null when unknown: above the last tier (请与商务洽谈) or unpriced — never 0. */
  readonly amount: number | null;
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
  /** The price column that applies (the dearer end's, an assumption when the ends differ). */
  readonly priceGroup?: Geography;
  readonly currency?: string;
  readonly days: readonly DailyCharge[];
  /** Sum of the days; null when any day's amount is unknown (contact sales, unpriced). 0 only when free. */
  readonly total: number | null;
  /** The billing day's offset from UTC, e.g. "+08:00" (a setting, FACTS.billingTimeZone). */
  readonly timeZone?: string;
  /** The project's own choices this bill rests on, each said as such. */
  readonly assumptions?: readonly string[];
  /** Why nothing is charged or priced, for people. */
  readonly note?: string;
}

export interface BillOptions {
  /**
   * Minutes east of UTC of the billing day. The seeds bill per day without
   * naming the day's time zone (FACTS.billingTimeZone, an assumption).
   *
   * @default 480 (UTC+08:00, China Standard Time)
   */
  readonly utcOffsetMinutes?: number;
}

export const DEFAULT_BILLING_UTC_OFFSET_MINUTES = 480;

/** "+08:00" for 480, "-05:30" for -330. */
export function formatUtcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Minutes from "+08:00" / "-05:30" / "UTC"; throws naming the allowed forms. */
export function parseUtcOffset(text: string): number {
  if (/^(UTC|Z)$/i.test(text.trim())) return 0;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(text.trim());
  const minutes = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : NaN;
  if (!m || Number(m[3]) >= 60 || Math.abs(minutes) > 14 * 60) {
    throw new HybridlinkError("UsageTimeZone", `--time-zone is '${text}'; give an offset from UTC such as +08:00 (the default), -05:00 or UTC.`);
  }
  return minutes;
}

/**
 * The bill of one peering by seed 003's rules: same-region is free;
 * cross-region is billed per day to the requester — the day's peak is the
 * highest outbound sample plus the highest inbound one, priced whole at the
 * tier it falls in, in the dearer region group of the two ends (mainland,
 * Hong Kong, North America); above the last tier there is no list price.
 */
export function billPeering(profile: CloudProfile, peering: BilledPeering, samples: readonly TrafficSample[], options: BillOptions = {}): PeeringBill {
  const offset = options.utcOffsetMinutes ?? DEFAULT_BILLING_UTC_OFFSET_MINUTES;
  const base = { peering, payer: peering.requesterAccount, timeZone: formatUtcOffset(offset) };
  const ends = [peering.requesterRegion, peering.accepterRegion].map((r) => regionOf(profile, r));
  if (peering.requesterRegion === peering.accepterRegion) {
    return { ...base, crossRegion: false, days: [], total: 0, note: "same-region peering is free (seed 003: 同地域对等连接：免费)" };
  }
  const tariff = profile.peering.crossRegionTariff;
  if (!tariff) {
    return { ...base, crossRegion: true, days: [], total: null, note: `unpriced: ${profile.displayName} publishes no cross-region peering prices in the seeds` };
  }
  const byDay = new Map<string, TrafficSample[]>();
  for (const s of samples) {
    const date = new Date(s.at + offset * 60_000).toISOString().slice(0, 10);
    const day = byDay.get(date);
    if (day) day.push(s);
    else byDay.set(date, [s]);
  }
  const outside = ends.filter((r) => r.priceColumn === undefined);
  // A region outside the seed's price columns is never priced by guess: its days are listed, unpriced.
  const priceGroup = outside.length ? undefined : dearer(tariff.tiers[0], ends[0].priceColumn!, ends[1].priceColumn!);
  const days = [...byDay.keys()].sort().map((date) => chargeOfDay(date, byDay.get(date)!, tariff.tiers, priceGroup));
  const unknown = days.some((d) => d.amount === null);
  const total = unknown ? null : round2(days.reduce((sum, d) => sum + (d.amount ?? 0), 0));
  const aboveList = days.filter((d) => d.contactSales).length;
  const notes = [
    ...(outside.length
      ? [`unpriced: ${outside.map((r) => r.name).join(" and ")} is in none of seed 003's price columns (北京 上海 广州 / 香港 / 北美)`]
      : []),
    ...(aboveList ? [`${aboveList} day(s) peaked above ${tariff.tiers[tariff.tiers.length - 1].upToMbps} Mbps: no list price, contact sales (${cite(FACTS.peeringContactSales)})`] : []),
  ];
  const spanning = priceGroup !== undefined && ends[0].priceColumn !== ends[1].priceColumn;
  return {
    ...base,
    crossRegion: true,
    ...(priceGroup ? { priceGroup } : {}),
    currency: tariff.currency,
    days,
    total,
    ...(spanning
      ? {
          assumptions: [
            `assumption: the ends are in two price columns (${ends[0].priceColumn}, ${ends[1].priceColumn}) and seed 003 does not say which applies; priced at the dearer, ${priceGroup}`,
          ],
        }
      : {}),
    ...(notes.length ? { note: notes.join("; ") } : {}),
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

function chargeOfDay(date: string, samples: readonly TrafficSample[], tiers: readonly PeeringPriceTier[], group: Geography | undefined): DailyCharge {
  const peakOutMbps = Math.max(...samples.map((s) => s.outMbps));
  const peakInMbps = Math.max(...samples.map((s) => s.inMbps));
  const peakMbps = round2(peakOutMbps + peakInMbps);
  const index = tiers.findIndex((t) => peakMbps <= t.upToMbps);
  const base = { date, samples: samples.length, peakOutMbps, peakInMbps, peakMbps };
  if (index < 0) return { ...base, pricePerMbpsDay: null, amount: null, contactSales: true };
  const tier = tiers[index];
  const from = index === 0 ? 0 : tiers[index - 1].upToMbps;
  if (group === undefined) return { ...base, tier: `${from}–${tier.upToMbps} Mbps`, pricePerMbpsDay: null, amount: null, contactSales: false };
  const price = tier.pricePerMbpsDay[group];
  return { ...base, tier: `${from}–${tier.upToMbps} Mbps`, pricePerMbpsDay: price, amount: round2(peakMbps * price), contactSales: false };
}

/** The group of the two whose price is higher (they agree across tiers in seed 003's table). */
function dearer(tier: PeeringPriceTier, a: Geography, b: Geography): Geography {
  return tier.pricePerMbpsDay[b] > tier.pricePerMbpsDay[a] ? b : a;
}

function regionOf(profile: CloudProfile, region: string): RegionInfo {
  const info = tryFindRegion(profile, region);
  if (!info) {
    throw new HybridlinkError(
      "UnknownRegion",
      `Region '${region}' is not a ${profile.displayName} region. Regions: ${profile.regions.map((r) => r.name).join(", ")}.`,
    );
  }
  return info;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
