import type { PatternTable } from "./pattern-spec.ts";

/**
 * Patterns that only count when the person concerned is under 18: a marriage arranged for a child
 * (CH-04), and places or contacts that mean sexual exploitation when a child is involved (CH-02).
 */
export const CHILD_PATTERNS: PatternTable = {
  "CH-04-child-marriage": [
    {
      re: "dinikahin|dikawinin|dinikahin siri|nikahin|kawinin|dijodohin|dijodohkan|dinikahkan|dikawinkan|dinikahi|nikah siri|kawin siri|kawin kontrak|nikah kontrak|pengantin pesanan|mak comblang|comblang|mahar|(?:mau|akan|disuruh|dipaksa) (?:di)?nikah(?:kan|i)?|tunangan dengan|(?:nikah|kawin|menikah) (?:sama|dengan) (?:orang|pria|om|laki laki|bule)|dikasih emas|arranged marriage|matchmaker|married off|(?:marry|married) (?:a |an )?(?:foreigner|older man|man from)|bride|dowry|(?:forced|made) to marry",
    },
  ],
  "CH-03-school-deception": [
    {
      re: "(?:taken|pulled|kicked) out of school|dikeluarkan dari sekolah|disuruh berhenti sekolah|dibawa (?:orang |\\S+ )?(?:untuk |buat )?(?:kerja|bekerja)|dijanjikan (?:bisa )?sekolah|katanya (?:mau )?disekolahkan|putus sekolah|disuruh (?:kerja|bekerja)|dipaksa (?:kerja|bekerja)|dipekerjakan|dibawa ke kota|ikut (?:saudara|tetangga|teman|orang) ke kota|promised (?:school|schooling|education)|internship but working|made to work|forced to work|not allowed to go to school",
    },
  ],
  "CH-02-child-commercial-sex": [
    {
      re: "om om|sugar daddy|sex for money|pelanggan|customers|clients|mami(?! (?:saya|kami|ku|dan papi))|(?:dijual|ditawarkan|dijajakan) (?:online|lewat|di aplikasi|ke pria)",
    },
    {
      re: "(?:money|paid|pays|gifts?|pulsa|uang|dibayar|dikasih uang|dikirimi uang|transfer) (?:\\S+ ){0,2}(?:for|for her|for his|buat|untuk) (?:\\S+ )?(?:photos|pictures|pics|videos|foto|video|vcs|video call)|(?:photos|pictures|videos|foto|video) (?:\\S+ ){0,2}(?:for money|dibayar|dijual|bayaran)",
    },
    {
      re: "karaoke|tempat hiburan|diskotik|klub malam|panti pijat|massage (?:place|parlou?r|shop)|spa|om om|sugar daddy|dijual online|ditawarkan ke pria|nightclub|bar|massage parlou?r|video call|foto (?:seksi|syur|telanjang|bugil)|live streaming",
      needs:
        "kerja|bekerja|dipaksa|disuruh|dijual|dibawa|melayani|layani|nemenin|menemani|works|working|work|forced|made|sold|taken|took|controls|mami",
    },
  ],
};
