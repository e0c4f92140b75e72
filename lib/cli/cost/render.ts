import { CliIo } from "../io";
import { colorsFor } from "../render/colors";
import { renderTable } from "../render/table";
import { PeeringBill } from "./bill";

/** What each payer owes over the bills, in the tariff's currency; null when any of its bills is unknown (contact sales, unpriced). */
export function totalsByPayer(bills: readonly PeeringBill[]): Record<string, { amount: number | null; currency?: string }> {
  const totals: Record<string, { amount: number | null; currency?: string }> = {};
  for (const b of bills) {
    const t = (totals[b.payer] ??= { amount: 0 });
    t.amount = t.amount === null || b.total === null ? null : Math.round((t.amount + b.total) * 100) / 100;
    if (b.currency) t.currency = b.currency;
  }
  return totals;
}

/** An amount for people: the figure, or why there is none. */
function money(amount: number | null, contactSales: boolean): string {
  if (amount !== null) return amount.toFixed(2);
  return contactSales ? "contact sales" : "unpriced";
}

/** The bills for people: one table per peering (a line per day) with where its figures come from, its note, then the total per payer. */
export function renderBills(bills: readonly PeeringBill[], io: CliIo, scope?: string): string {
  const c = colorsFor(io);
  if (!bills.length) {
    return (
      `nothing to bill: ${scope ?? "the accounts asked"} have no VPC peering connection. ` +
      "cost bills cross-region peering only (seed 003's tariff; VPN gateways are not priced here); " +
      "price one before deploying it with --regions a,b --peak-out N --peak-in M"
    );
  }
  const out: string[] = [];
  for (const b of bills) {
    const where = `${b.peering.requesterRegion} ↔ ${b.peering.accepterRegion}`;
    out.push(
      `${c.bold(`${b.peering.name} (${b.peering.id})`)}  ${where}  paid by ${b.payer}` +
        (b.priceGroup ? `  prices: ${b.priceGroup}` : "") +
        (b.source ? `  figures: ${b.source}` : ""),
    );
    if (b.days.length) {
      out.push(
        renderTable(
          [
            { header: "day" },
            { header: "samples", right: true },
            { header: "peak out", right: true },
            { header: "peak in", right: true },
            { header: "peak", right: true },
            { header: "tier" },
            { header: `${b.currency}/Mbps/day`, right: true },
            { header: `amount ${b.currency}`, right: true },
          ],
          b.days.map((d) => [
            d.date,
            d.samples ? String(d.samples) : "given",
            `${d.peakOutMbps}`,
            `${d.peakInMbps}`,
            `${d.peakMbps} Mbps`,
            d.tier ?? c.yellow("above the list"),
            d.pricePerMbpsDay !== null ? String(d.pricePerMbpsDay) : "—",
            d.amount !== null ? d.amount.toFixed(2) : c.yellow(money(null, d.contactSales)),
          ]),
          "  ",
        ),
      );
      const total = b.total === null ? money(null, b.days.some((d) => d.contactSales)) : `${b.total.toFixed(2)} ${b.currency ?? ""}`;
      out.push(`  total: ${total}`.trimEnd());
      if (b.timeZone) out.push(`  billing days: UTC${b.timeZone} (a setting: --time-zone)`);
    }
    for (const a of b.assumptions ?? []) out.push(`  ${a}`);
    if (b.note) out.push(`  ${b.note}`);
    out.push("");
  }
  const totals = totalsByPayer(bills);
  out.push(
    ...Object.entries(totals).map(([payer, t]) =>
      `payer ${payer}: ${t.amount === null ? "unknown (contact sales or unpriced, see above)" : `${t.amount.toFixed(2)} ${t.currency ?? ""}`}`.trimEnd(),
    ),
  );
  return out.join("\n");
}
