import { COUNTRIES, SCAM_PLACES } from "./patterns/fragments.ts";
import type { NormalizedText } from "./normalize-text.ts";

/** Pre-departure warning signs that are not catalogue indicators (SCREENING.md rule 5). */
export type WarningSign = "too_good_offer" | "scam_job" | "unlicensed_recruiter";

const words = (source: string): RegExp => new RegExp(`(?<=^| )(?:${source})(?= |$)`);

const SIGNS: ReadonlyArray<readonly [WarningSign, RegExp]> = [
  [
    "too_good_offer",
    words(
      "gaji (?:\\S+ )?(?:[1-9]\\d|[1-9]) ?juta|gaji (?:\\S+ )?(?:besar|tinggi|gede|fantastis|menggiurkan|dolar)|(?:tidak|tanpa) (?:perlu |butuh |harus )?(?:pengalaman|skill|keahlian|ijazah|bisa bahasa|tes|modal)|(?:langsung|cepat) (?:berangkat|kerja|terbang)|proses (?:cepat|kilat|mudah)|(?:gratis|free) (?:tiket|visa|biaya|berangkat|semua)|(?:high|big|huge|good) (?:salary|pay)|no experience(?: needed| required)?|(?:free|paid) (?:flight|ticket|visa)|\\$ ?[1-9],?\\d{3} (?:a|per) month",
    ),
  ],
  [
    "scam_job",
    words(
      `(?:customer service|cs|admin|marketing|operator|telemarketing|crypto|kripto|online|ketik|typing|data entry|it|call center) (?:\\S+ ){0,6}(?:thailand|bangkok|${SCAM_PLACES}|filipina|dubai)|(?:thailand|bangkok|${SCAM_PLACES}) (?:\\S+ ){0,6}(?:customer service|cs|admin|marketing|operator|crypto|kripto|online|call center)|kerja online (?:di|ke) ${COUNTRIES}`,
    ),
  ],
  [
    "unlicensed_recruiter",
    words(
      "(?:calo|sponsor|agen|pt|lpk|perusahaan|penyalur|yayasan) (?:\\S+ ){0,3}(?:ilegal|tidak resmi|tidak terdaftar|bodong|abal abal|belum terdaftar|tanpa izin|tidak ada izin)|(?:perorangan|perseorangan|lewat orang|lewat kenalan|lewat calo|lewat sponsor)|(?:unlicensed|unregistered|illegal|fake) (?:agent|agency|recruiter|company)",
    ),
  ],
];

/**
 * Which prevention warning signs a message shows.
 *
 * Example: "kerja di thailand jadi customer service, gaji 20 juta, gak perlu pengalaman"
 * → ["too_good_offer", "scam_job"].
 */
export function detectWarningSigns(normalized: NormalizedText): WarningSign[] {
  return SIGNS.filter(([, pattern]) => pattern.test(normalized.text)).map(([sign]) => sign);
}
