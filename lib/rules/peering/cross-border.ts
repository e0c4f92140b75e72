import { cite } from "../../core/provenance";
import { FACTS } from "../../core/sources";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-007: peering with a non-mainland end carries its approval ticket. */
export const crossBorderApproval: Rule = {
  id: "HL-PEER-007",
  title: "Non-mainland (cross-border) peering carries an approval",
  severity: "error",
  source: FACTS.crossBorderTicket,
  rationale:
    "Peering in the non-mainland regions the seed names (Hong Kong and Toronto) needs a ticket: cross-border traffic is reviewed before the cloud enables it. Other regions follow their own stated source (the profile's crossBorderTicket: na-siliconvalley is an assumption, said so in the message).",
  fix: "Open the ticket with the cloud and set crossBorderApproval to its reference (e.g. crossBorderApproval: 'ticket-12345').",
  *check(context) {
    if (!context.profile.peering.crossBorderNeedsApproval) return;
    for (const ends of peeringEnds(context)) {
      const requesterOutside = ends.requesterRegion?.crossBorderTicket !== undefined;
      const accepterOutside = ends.accepterRegion?.crossBorderTicket !== undefined;
      const approval = ends.props.crossBorderApproval;
      if ((!requesterOutside && !accepterOutside) || (typeof approval === "string" && approval.trim() !== "")) continue;
      const outside = [...(requesterOutside ? [ends.requesterRegion] : []), ...(accepterOutside ? [ends.accepterRegion] : [])];
      yield {
        resource: ends.peering.logicalId,
        property: "crossBorderApproval",
        message: `Peering '${ends.requesterRegionName}' ↔ '${ends.accepterRegionName}' involves non-mainland region ${outside.map((r) => `'${r.name}'`).join(" and ")}, which needs an approved ticket (${outside.map((r) => cite(r.crossBorderTicket!)).join("; ")}); crossBorderApproval is ${approval === undefined ? "missing" : "empty"}: set it to the ticket reference.`,
      };
    }
  },
};
