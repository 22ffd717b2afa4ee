/**
 * Word lists the normaliser needs to undo common spelling habits:
 * - "di sekap" / "di-sekap" are written apart but mean the passive verb "disekap" (PASSIVE_ROOTS);
 * - "dirumah" / "dikamar" are written together but mean "di rumah" (LOCATIVE_NOUNS);
 * - "pasporku", "gajinya", "hpnya" carry a possessive suffix (SUFFIX_STEMS); "-ku"/"-mu" become
 *   "saya"/"kamu", "-nya" is dropped ("gajinya belum dibayar" → "gaji belum dibayar").
 */
export const PASSIVE_ROOTS: ReadonlySet<string> = new Set([
  "sekap", "sekep", "kurung", "kunci", "kerangkeng", "sandera", "jaga", "pukul", "tampar", "tendang", "setrum",
  "siksa", "aniaya", "hajar", "gebuk", "gebuki", "keroyok", "jambak", "cekik", "injak", "cambuk", "tusuk", "bacok",
  "ancam", "ancem", "tahan", "sita", "ambil", "pegang", "simpan", "bawa", "bayar", "gaji", "potong", "jual", "oper",
  "pindah", "lempar", "perkosa", "leceh", "lecehkan", "cabuli", "paksa", "suruh", "tipu", "bohongi", "janji",
  "janjikan", "larang", "awasi", "pantau", "periksa", "cek", "kumpulkan", "tampung", "karantina", "jemput", "antar",
  "kirim", "rekrut", "jodohkan", "nikahkan", "nikahi", "buang", "bunuh", "habisi", "deportasi", "penjara",
  "tangkap", "laporkan", "laporin", "kasih", "kasi", "beri", "izinkan", "ijinkan", "bolehkan", "lepas", "tebus",
  "jemur", "siram", "hukum", "denda", "eksploitasi", "culik", "pekerjakan", "pecat", "phk", "rampas", "ikat",
  "rantai", "gembok", "blokir", "intimidasi", "teror", "obati", "tawari", "tawarin", "ajak", "pulangkan", "usir",
  "perbudak", "tempatkan", "berangkatkan", "jadikan", "iming", "kasari", "maki", "hina", "setrap", "ceburkan",
  "kunciin", "sekolahkan", "sembunyikan", "curigai", "telantarkan", "terlantarkan", "perdagangkan", "jebak",
]);

export const LOCATIVE_NOUNS: ReadonlySet<string> = new Set([
  "rumah", "kamar", "sini", "sana", "situ", "mana", "kapal", "mess", "luar", "dalam", "depan", "belakang", "atas",
  "bawah", "tempat", "kantor", "penampungan", "asrama", "pabrik", "kebun", "laut", "tengah", "hutan", "jalan",
  "bandara", "pelabuhan", "kota", "desa", "kampung", "apartemen", "gedung", "hotel", "wisma", "karaoke",
  "perbatasan", "sekolah", "pasar", "toko", "warung", "dapur", "gudang", "lantai", "pt", "perusahaan", "indonesia",
  "malaysia", "saudi", "arab", "taiwan", "hongkong", "kamboja", "myanmar", "thailand", "laos", "singapura",
  "jepang", "korea", "china", "cina", "dubai", "jakarta", "surabaya", "batam", "nunukan", "polandia", "turki",
  "kl", "kuala", "johor", "sabah", "serawak", "sarawak", "penang", "riyadh", "jeddah", "mekkah", "madinah",
  "tiongkok", "vietnam", "filipina", "abudhabi", "qatar", "oman", "kuwait", "bahrain", "brunei", "mesir", "irak",
]);

export const SUFFIX_STEMS: ReadonlySet<string> = new Set([
  "paspor", "gaji", "hp", "ktp", "dokumen", "majikan", "bos", "agen", "umur", "usia", "kontrak", "utang", "hutang",
  "suami", "istri", "adik", "kakak", "anak", "keluarga", "kapal", "kamar", "rumah", "visa", "uang", "kerjaan",
  "pekerjaan", "ibu", "bapak", "ayah", "atm", "rekening", "pacar", "mertua", "teman", "kepala", "tangan", "kaki",
  "nomor", "nomer", "kabar", "tiket", "sekolah", "perusahaan", "calo", "sponsor", "target", "mess", "tempat",
  "lokasi", "alamat", "bayaran", "upah", "nyawa", "badan", "tubuh", "ginjal", "cucu", "saudara", "sepupu",
  "keponakan", "paman", "bibi", "tante", "om", "kapten", "mandor", "penampungan", "identitas", "surat", "izin",
  "ijin", "permit", "buku", "tabungan", "kartu", "orangtua", "makan", "minum", "tidur", "makanan", "berangkat", "kerja",
  "bayar", "kontrak", "pulang", "jam", "libur", "mandor", "pemilik", "punggung", "jari", "muka", "wajah", "nama", "isi",
]);

export const POSSESSIVE_SUFFIXES: ReadonlyArray<readonly [suffix: string, token: string]> = [
  ["nya", "nya"],
  ["ku", "saya"],
  ["mu", "kamu"],
];
