import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * A labelled message: what a good assessment contains. `indicators` lists ids that must be found;
 * an inner list means any one of those ids will do. `risk` and `intent` list acceptable values.
 */
export const ScreeningCase = z.object({
  id: z.string(),
  text: z.string(),
  locale: z.enum(["id", "en"]).optional(),
  expect: z.object({
    emergency: z.boolean().optional(),
    child: z.boolean().optional(),
    risk: z.array(z.enum(["high", "medium", "low", "none"])).optional(),
    intent: z.array(z.enum(["help", "family_tracing", "information", "report_recruiter", "other"])).optional(),
    indicators: z.array(z.union([z.string(), z.array(z.string())])).optional(),
  }),
});
export type ScreeningCase = z.infer<typeof ScreeningCase>;

/** Reads a case file next to this helper (dev-cases.json, extra-cases.json). */
export function readCases(fileName: string): ScreeningCase[] {
  const path = fileURLToPath(new URL(fileName, import.meta.url));
  return z.array(ScreeningCase).parse(JSON.parse(readFileSync(path, "utf8")));
}
