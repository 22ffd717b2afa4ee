import { COUNTRIES } from "./patterns/fragments.ts";
import type { NormalizedText } from "./normalize-text.ts";

/**
 * The setting a message describes, used to keep domestic violence and ordinary labour disputes from
 * being scored as trafficking (SCREENING.md rule 6) while still routing them to the right service.
 */
export type Setting = {
  /** Abroad, recruiters, placement, documents: the migration setting. */
  migration: boolean;
  /** An employer, workplace, pay, customers: a work setting. */
  work: boolean;
  /** A husband, wife, partner, ex or (step)father is involved. */
  domesticPartner: boolean;
  /** Wage, overtime, leave or dismissal words. */
  labourDispute: boolean;
};

const words = (source: string): RegExp => new RegExp(`(?<=^| )(?:${source})(?= |$)`);

const MIGRATION = words(
  `agen|agensi|calo|sponsor|tki|tkw|pmi|penampungan|pengantin pesanan|kawin kontrak|comblang|dijodohkan|mahar|${COUNTRIES}|agent|agency|recruiter|kbri|kjri|embassy|visa|paspor|imigrasi|immigration|dijual|sold|kapal|abk|tekong|jalur tikus`,
);
const WORK = words(
  "majikan|bos|pt|perusahaan|pabrik|kebun|mandor|kapten|mess|gaji|upah|tamu|mami|germo|disuruh kerja|dipaksa kerja|kerja terus|employer|bos|factory|salary|wages|customers|clients|pimp|company|plantation",
);
const DOMESTIC_PARTNER = words(
  "suami|istri|pacar|mantan|ayah|paman|kakek|ayah tiri|bapak tiri|ibu tiri|mertua|ipar|kdrt|kekerasan dalam rumah tangga|husband|wife|boyfriend|girlfriend|partner|ex|stepfather|stepmother|father in law|mother in law|domestic violence",
);
const LABOUR_DISPUTE = words(
  "phk|diphk|dipecat|pemecatan|pesangon|thr|lembur|upah lembur|bpjs|cuti|umr|umk|ump|(?:gaji|upah) (?:\\S+ )?(?:telat|terlambat|di bawah umr|kurang dari umr|dicicil)|telat (?:gajian|dibayar)|kontrak (?:tidak|nggak) diperpanjang|surat peringatan|outsourcing|serikat|mogok|disnaker|overtime|minimum wage|severance|laid off|fired|sacked|late salary|salary (?:is |was )?late",
);

/** Example: "suami saya suka mukul" → { domesticPartner: true, migration: false, work: false, labourDispute: false }. */
export function detectSetting(normalized: NormalizedText): Setting {
  return {
    migration: MIGRATION.test(normalized.text),
    work: WORK.test(normalized.text),
    domesticPartner: DOMESTIC_PARTNER.test(normalized.text),
    labourDispute: LABOUR_DISPUTE.test(normalized.text),
  };
}
