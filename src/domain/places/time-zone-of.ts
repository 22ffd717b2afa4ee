/**
 * The time zone a person's "morning" or "evening" means, from their country (ISO code): the main zone of
 * countries where Indonesian migrant workers are. Indonesia itself spans three zones; Jakarta's is used
 * unless the province says otherwise. Unknown countries give undefined (the flow then says whose time).
 */
const ZONES: Record<string, string> = {
  ID: "Asia/Jakarta",
  MY: "Asia/Kuala_Lumpur",
  SG: "Asia/Singapore",
  BN: "Asia/Brunei",
  SA: "Asia/Riyadh",
  AE: "Asia/Dubai",
  QA: "Asia/Qatar",
  KW: "Asia/Kuwait",
  OM: "Asia/Muscat",
  BH: "Asia/Bahrain",
  JO: "Asia/Amman",
  TR: "Europe/Istanbul",
  IQ: "Asia/Baghdad",
  SY: "Asia/Damascus",
  LB: "Asia/Beirut",
  EG: "Africa/Cairo",
  IR: "Asia/Tehran",
  KH: "Asia/Phnom_Penh",
  MM: "Asia/Yangon",
  LA: "Asia/Vientiane",
  TH: "Asia/Bangkok",
  VN: "Asia/Ho_Chi_Minh",
  PH: "Asia/Manila",
  TW: "Asia/Taipei",
  HK: "Asia/Hong_Kong",
  MO: "Asia/Macau",
  CN: "Asia/Shanghai",
  KR: "Asia/Seoul",
  JP: "Asia/Tokyo",
  AU: "Australia/Sydney",
  NZ: "Pacific/Auckland",
  TL: "Asia/Dili",
  LK: "Asia/Colombo",
  DE: "Europe/Berlin",
  PL: "Europe/Warsaw",
  GB: "Europe/London",
  ZA: "Africa/Johannesburg",
  FJ: "Pacific/Fiji",
  PG: "Pacific/Port_Moresby",
  MU: "Indian/Mauritius",
  PE: "America/Lima",
  SO: "Africa/Mogadishu",
  SN: "Africa/Dakar",
};

export function timeZoneOf(country: string | undefined): string | undefined {
  return country ? ZONES[country] : undefined;
}
