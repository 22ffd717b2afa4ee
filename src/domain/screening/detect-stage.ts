import type { NormalizedText } from "./normalize-text.ts";

/** Where the person is in the migration story, as far as the message tells. */
export type Stage = "pre_departure" | "at_destination" | "returned" | "unknown";

const words = (source: string): RegExp => new RegExp(`(?<=^| )(?:${source})(?= |$)`);

const RETURNED = words(
  "(?:sudah|baru|baru saja|akhirnya) (?:\\S+ )?(?:pulang|dipulangkan|dideportasi|kembali ke indonesia|balik ke indonesia|sampai di indonesia|di rumah)|sudah (?:di|ada di) (?:indonesia|kampung|rumah)|(?:berhasil|sudah) (?:kabur|lolos|keluar dari sana|diselamatkan|bebas|selamat)|sekarang (?:sudah )?(?:aman|di indonesia|di kampung|di rumah)|came back|come back|back home|returned (?:home|to indonesia)|(?:got|escaped|ran) (?:out|away)|(?:i am|we are|she is|he is) (?:now )?safe now|now (?:i am |we are )?(?:safe|home|back)",
);
const AT_DESTINATION = words(
  "sekarang (?:saya |kami |dia )?(?:di|kerja|bekerja|ada di|tinggal)|(?:sudah|udah) (?:\\S+ ){0,2}(?:bulan|tahun|minggu|hari) (?:di|kerja|bekerja|disini|di sini)|(?:saya|kami|dia) (?:sedang |lagi |masih )?(?:kerja|bekerja) (?:di|sebagai|jadi|ikut)|majikan|overstay|kabur dari|bos (?:saya|kami)|di sini|ternyata|sampai (?:di )?(?:sana|sini)|setelah sampai|disekap|dikurung|(?:disuruh|dipaksa) (?:kerja|bekerja|jadi|nipu|menipu|scam|melayani|layani|nemenin)|tidak boleh keluar|(?:i|we|she|he) (?:am |are |is )?(?:now )?(?:work|working|works|live|living|stuck|here) (?:in|at|for|as)|my (?:employer|bos)|arrived|when (?:i|we|she|he) got there|here in",
);
const PRE_DEPARTURE = words(
  "(?:mau|akan|ingin|rencana|berencana|baru mau|belum|sebelum|nanti|calon|mau coba|pengin|jadi) (?:\\S+ ){0,2}(?:berangkat|terbang|kerja ke|kerja di luar|ke luar negeri|daftar|mendaftar|melamar|apply)|ditawari|ditawarin|ditawarkan|nawarin|menawarkan|nawarain|tawaran|lowongan|loker|iklan|info kerja|ada (?:yang|orang) (?:nawarin|menawarkan|ngajak|nawari)|(?:buat|untuk|supaya|biar|agar) (?:saya |dia |anak saya |kami |aku )?(?:bisa )?berangkat|(?:buat|untuk) biaya|biaya (?:saya |dia |anak saya )?(?:ke|berangkat|proses|keberangkatan)|(?:supaya|biar|agar) (?:saya |dia |kami |anak saya )?(?:bisa )?(?:berangkat|ke luar negeri|kerja ke|ke malaysia|ke saudi|ke taiwan|ke hongkong|ke jepang|ke korea)|biaya (?:berangkat|keberangkatan|proses)|(?:belum|tidak jadi|batal|gagal) (?:di)?berangkat(?:kan)?|calon (?:pmi|tki|tkw|pekerja)|berangkat (?:nya )?(?:pakai|pake|lewat|dengan|via|tanpa)|(?:sponsor|calo|lpk|agen|pt) (?:\\S+ ){0,3}(?:datang|ke rumah|minta (?:uang|biaya|bayar))|get (?:me|us|you) a job|(?:find|found|got) (?:me |us )?a job (?:in|abroad)|beneran (?:tidak|atau tidak)|itu (?:asli|beneran|resmi|legal|aman|penipuan)|(?:offered|offering|offers) (?:me |us |her |him )?(?:a )?(?:job|work)|job (?:offer|ad|advert)|(?:planning|plan|want|going|hoping) to (?:go|work|leave|apply)|before (?:i|we|she|he) (?:go|leave)|is (?:it|this|that) (?:legit|real|safe|legal|a scam)|will (?:leave|fly|depart)|(?:has|have) not (?:left|departed) yet",
);

/**
 * Returned beats at-destination beats pre-departure: an offer mentioned in a story of abuse abroad
 * does not make the story "prevention".
 *
 * Example: "ada yang nawarin kerja di thailand … itu beneran gak?" → "pre_departure".
 */
export function detectStage(normalized: NormalizedText): Stage {
  if (RETURNED.test(normalized.text)) return "returned";
  if (AT_DESTINATION.test(normalized.text)) return "at_destination";
  if (PRE_DEPARTURE.test(normalized.text)) return "pre_departure";
  return "unknown";
}
