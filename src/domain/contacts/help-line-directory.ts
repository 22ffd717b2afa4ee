import { hasNumber, isShown, toHelpContact, type HelpLine } from "./help-line.ts";
import type { HelpContact } from "./help-contacts.ts";
import { researchedHelpLines } from "./researched-help-lines.ts";

/** The lines to give at once when someone in Indonesia is in danger (the national list's scopes). */
export const EMERGENCY_SCOPES = ["emergency", "women_children", "citizens_abroad", "migrant_workers"] as const;

/**
 * The help lines people are given, as one snapshot of the HelpLine table (see `createHelpLineBook`): pure
 * reads, so the engine can use it inside a turn.
 */
export type HelpLineDirectory = {
  /** Indonesia's national list, every line an admin has not hidden and that may be shown */
  national(): readonly HelpContact[];
  /**
   * The lines for someone in danger in `country` (ISO code): in Indonesia or when unknown, the national
   * emergency lines; abroad, that country's own lines (emergency first, then the Indonesian mission), then
   * the Indonesian services that work from abroad.
   */
  forCountry(country: string | undefined): readonly HelpContact[];
  /** the web chat footer's two numbers ("In danger? Call {{police}} or {{emergency}}") for where the person is */
  dangerNumbers(country: string | undefined): { police: string; emergency: string };
};

/** The Kemlu citizen-protection hotline, the last resort of the footer when a country has no line shown. */
const KEMLU_HOTLINE = "+6281290070027";

const byPosition = (a: HelpLine, b: HelpLine) => a.position - b.position || a.id.localeCompare(b.id);
/** From abroad a short code or an Indonesian local number cannot be dialled; an app (no number) still works. */
const worksFromAbroad = (l: HelpLine) => !hasNumber(l) || Boolean(l.phoneFromAbroad || l.whatsapp);

export function directoryOf(lines: readonly HelpLine[]): HelpLineDirectory {
  const shown = lines.filter(isShown).sort(byPosition);
  const national = shown.filter((l) => l.audience === "in_indonesia").map((l) => toHelpContact(l));
  const emergency = national.filter((c) => (EMERGENCY_SCOPES as readonly string[]).includes(c.scope));
  const fromAbroad = shown
    .filter((l) => l.audience === "from_abroad" && worksFromAbroad(l))
    .map((l) => toHelpContact(l, true));
  const abroad = new Map<string, HelpContact[]>();
  const forCountry = (country: string | undefined): readonly HelpContact[] => {
    if (!country || country === "ID") return emergency;
    let found = abroad.get(country);
    if (!found) {
      const local = shown
        .filter((l) => l.audience === "local" && l.country === country && hasNumber(l))
        .map((l) => toHelpContact(l));
      found = [...local, ...fromAbroad];
      abroad.set(country, found);
    }
    return found;
  };
  return {
    national: () => national,
    forCountry,
    dangerNumbers(country) {
      if (!country || country === "ID") return { police: "110", emergency: "112" };
      const here = forCountry(country);
      const local = here.find((c) => c.country === country && (c.scope === "emergency" || c.scope === "police"));
      const mission = here.find((c) => c.scope === "embassy_hotline" || c.scope === "consulate_hotline");
      const kemlu = here.find((c) => c.id === "id-kemlu-pwni-hotline");
      const second = mission?.phone ?? mission?.whatsapp ?? kemlu?.phoneFromAbroad ?? KEMLU_HOTLINE;
      return { police: local?.phone ?? second, emergency: second };
    },
  };
}

/**
 * The lines as researched, before any admin review: what a fresh database is seeded with, and what code
 * that has no database (the engine's unit tests, scripts) gives.
 */
export const RESEARCHED_DIRECTORY: HelpLineDirectory = directoryOf(researchedHelpLines());
