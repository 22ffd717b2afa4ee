import type { Intent, Priority, Risk } from "./types.ts";

/**
 * SCREENING.md: urgent for emergencies, high for risk high, normal for medium risk and tracing
 * requests, low otherwise.
 */
export function toPriority(risk: Risk, emergency: boolean, intent: Intent): Priority {
  if (emergency) return "urgent";
  if (risk === "high") return "high";
  if (risk === "medium" || intent === "family_tracing") return "normal";
  return "low";
}
