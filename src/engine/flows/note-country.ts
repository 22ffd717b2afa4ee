import { detectPlaces } from "../../domain/places/detect-places.ts";
import type { Turn } from "../turn.ts";

/**
 * Where the person is, read from what they wrote ("sy di riyadh", "in KL"): kept in the state once known,
 * so help lines, the footer and the ticket follow it. A later place replaces it only when it is not
 * Indonesia read from a home province ("aku dari NTT, sekarang di Kuala Lumpur" is Malaysia).
 */
export function noteCountry(turn: Turn, text: string): string | undefined {
  const places = detectPlaces(text);
  if (!places.country) return undefined;
  if (places.country === "ID" && turn.state.country && turn.state.country !== "ID") return undefined;
  turn.state.country = places.country;
  return places.country;
}
