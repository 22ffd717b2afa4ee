import { contactsForCountry } from "./contacts-for-country.ts";

/**
 * The two numbers of the web chat's footer ("In danger? Call {{police}} or {{emergency}}") for where the
 * person is: abroad, the local emergency number and the Indonesian mission's line (or the Kemlu hotline);
 * in Indonesia or when unknown, 110 and 112.
 */
export function dangerNumbers(country: string | undefined): { police: string; emergency: string } {
  if (!country || country === "ID") return { police: "110", emergency: "112" };
  const lines = contactsForCountry(country);
  const local = lines.find((c) => c.country === country && (c.scope === "emergency" || c.scope === "police"));
  const mission = lines.find((c) => c.scope === "embassy_hotline" || c.scope === "consulate_hotline");
  const kemlu = lines.find((c) => c.id === "id-kemlu-pwni-hotline");
  const second = mission?.phone ?? mission?.whatsapp ?? kemlu?.phoneFromAbroad ?? "+6281290070027";
  return { police: local?.phone ?? second, emergency: second };
}
