import { gap } from "./fragments.ts";
import type { PatternSpec, PatternTable } from "./pattern-spec.ts";

/**
 * Statements that an indicator is ABSENT ("paspor saya pegang sendiri", "I have my passport",
 * "gaji lancar"). A match suppresses the indicator even if another phrase suggested it. These are
 * negatable too: "paspor tidak saya pegang" is not a counter-statement.
 */
const FREE_TO_GO_OUT: readonly PatternSpec[] = [
  {
    re: "(?:bebas|boleh|bisa|diizinkan|dibolehkan) (?:keluar|jalan jalan|pergi)(?: (?:masuk|kapan saja|kapan pun|tiap minggu|pas libur|kalau libur|sendiri))?",
    unless: "(?:harus|wajib) (?:izin|ditemani)|kalau (?:mau )?(?:berhenti|resign|pulang)",
  },
  { re: "(?:free to|can|allowed to) (?:go out|leave|come and go)(?: (?:any ?time|whenever|on my day off))?" },
];

export const COUNTER_PATTERNS: PatternTable = {
  "FL-01-documents": [
    {
      re: `paspor ${gap(3)}(?:saya |kami |aku )?(?:pegang|simpan|bawa) sendiri|(?:saya|kami) (?:yang )?(?:pegang|simpan|bawa|memegang|menyimpan) paspor(?: sendiri| saya)?|paspor (?:saya |kami )?(?:masih )?(?:ada |aman )?(?:di|sama|pada) (?:saya|kami|tangan saya)|paspor (?:saya |kami )?(?:aman|sudah dikembalikan|dikembalikan)|paspor (?:saya |kami )(?:masih )?(?:saya|kami) pegang`,
    },
    {
      re: "(?:i|we) (?:still )?(?:have|keep|hold) (?:my|our) paspor|(?:my|our) paspor is (?:with me|with us|safe)|paspor (?:is )?with me",
    },
  ],
  "FL-02-wages-withheld": [
    {
      re: `gaji ${gap(2)}(?:lancar|tepat waktu|selalu dibayar|dibayar penuh|dibayar full|full|aman|sudah dibayar|dibayar lunas)|digaji (?:tepat waktu|lancar|penuh)`,
      unless: "(?:tidak|belum) (?:lancar|tepat)",
    },
    { re: "(?:paid|pay me|pays me|pay us|get paid|got paid) (?:on time|every month|in full|properly|well)" },
  ],
  "FL-04-movement": FREE_TO_GO_OUT,
  "EM-01-held-now": FREE_TO_GO_OUT,
  "FL-05-isolation-phone": [
    {
      re: `(?:boleh|bisa|bebas) (?:pegang|pakai|pake|main|punya) hp|(?:boleh|bisa|bebas) (?:telpon|video call|vc|hubungi|menghubungi|kontak) (?:keluarga|orang tua|rumah) ${gap(1)}(?:kapan saja|kapan pun|tiap hari|setiap hari|setiap saat)?|hp (?:saya )?(?:saya )?pegang sendiri`,
    },
    {
      re: "(?:i|we) (?:can|could) (?:use (?:my|our) hp|call (?:my|our) family)|(?:i|we) (?:still )?(?:have|keep) (?:my|our) hp",
    },
  ],
  "FL-11-excessive-hours": [
    {
      re: "(?:ada|dapat|dapet|dikasih) (?:hari )?libur(?: (?:seminggu sekali|tiap minggu|setiap minggu|hari minggu))?|libur (?:seminggu sekali|tiap minggu|setiap minggu)",
      unless: "(?:tidak|tanpa|belum) (?:ada |dapat |dapet |dikasih )?(?:hari )?libur",
    },
    { re: "(?:i|we) (?:get|have) (?:a )?(?:day off|days off|rest day)" },
  ],
  "FL-03-debt-bondage": [
    {
      re: `(?:utang|hutang) ${gap(2)}(?:sudah |udah )?lunas|(?:tidak|belum) (?:punya|ada) (?:utang|hutang)`,
      unless: "tidak lunas|belum lunas",
    },
  ],
};
