import type { IndicatorId } from "./catalogue.ts";
import type { NormalizedText } from "./normalize-text.ts";
import type { Palermo } from "./types.ts";

type Element = keyof Palermo;

/**
 * Which Palermo element (Art. 3; UU 21/2007 Pasal 1) each indicator is evidence of. Deceptive
 * recruitment is both an act (recruitment) and a means (deception); forced-labour conditions are the
 * exploitative purpose; coercion at destination is a means.
 */
const ELEMENTS: Record<IndicatorId, readonly Element[]> = {
  "EM-01-held-now": ["means"],
  "EM-02-injured": ["means"],
  "EM-03-death-threat": ["means"],
  "EM-04-self-harm": [],
  "EM-05-recent-sexual-violence": ["means"],
  "EM-06-about-to-be-sold": ["act", "means"],
  "EM-07-ransom": ["means"],
  "EM-08-safe-to-talk": ["means"],
  "CH-01-under-18": [],
  "CH-02-child-commercial-sex": ["act", "purpose"],
  "CH-03-school-deception": ["act", "means", "purpose"],
  "CH-04-child-marriage": ["act", "purpose"],
  "ACT-01-recruitment-channel": ["act"],
  "ACT-02-travel-arranged": ["act"],
  "ACT-03-held-before-departure": ["act", "means"],
  "DEC-01-job-deception": ["act", "means"],
  "DEC-02-wage-deception": ["means"],
  "DEC-03-contract": ["means"],
  "DEC-04-fees-and-loans": ["act", "means"],
  "DEC-05-romance-marriage-lure": ["act", "means"],
  "FL-01-documents": ["means"],
  "FL-02-wages-withheld": ["means", "purpose"],
  "FL-03-debt-bondage": ["means", "purpose"],
  "FL-04-movement": ["means"],
  "FL-05-isolation-phone": ["means"],
  "FL-06-violence": ["means"],
  "FL-07-threats": ["means"],
  "FL-08-threat-of-authorities": ["means"],
  "FL-09-quota-punishment": ["means", "purpose"],
  "FL-10-cannot-quit": ["means", "purpose"],
  "FL-11-excessive-hours": ["purpose"],
  "FL-12-living-conditions": ["purpose"],
  "FL-13-health-hazard": ["purpose"],
  "FL-14-fishing-vessel": ["purpose"],
  "PUR-01-forced-criminality": ["purpose"],
  "PUR-02-sexual-exploitation": ["purpose"],
  "PUR-03-forced-marriage": ["purpose"],
  "PUR-04-organ-removal": ["purpose"],
  "VUL-01-visa-status": ["means"],
  "VUL-02-unknown-place": ["means"],
  "VUL-03-economic-pressure": ["means"],
  "VUL-04-prior-exploitation": ["means"],
  "VUL-05-dependency-on-employer": ["means", "act"],
};

/**
 * Someone else moved, placed, sent, kept, employed or received the person: harbouring or receipt
 * (Palermo "act") even when no recruitment indicator fired ("dipaksa layani tamu di wisma",
 * "my son is 13 and works on a fishing boat"). Only used when a purpose indicator is present.
 */
const THIRD_PARTY_ACT =
  /(?<=^| )(?:dibawa|diajak|dijemput|dikirim|dijual|dibeli|ditampung|direkrut|dipekerjakan|dipaksa|disuruh|dititipkan|dipindah|majikan|bos|mami|germo|mucikari|agen|calo|sponsor|tamu|om om|took|taken|brought|sent|recruited|sold|bought|forced|made (?:me|her|him|us|them)|pimp|bos|employer|agency|agent|customers|clients|kerja|bekerja|works|working|worked|employed)(?= |$)/;

/** Example: FL-01 + FL-11 → { act: false, means: true, purpose: true }. */
export function derivePalermo(ids: readonly IndicatorId[], normalized: NormalizedText): Palermo {
  const elements = new Set(ids.flatMap((id) => ELEMENTS[id]));
  const purpose = elements.has("purpose");
  return {
    act: elements.has("act") || (purpose && THIRD_PARTY_ACT.test(normalized.text)),
    means: elements.has("means"),
    purpose,
  };
}
