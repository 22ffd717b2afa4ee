import { expect, test } from "vitest";
import { normalizeRecruiterName } from "../../../src/domain/tickets/normalize-recruiter-name.ts";

test.each([
  ["PT. Maju-Jaya Abadi", "maju jaya abadi"],
  ["pt maju jaya abadi tbk", "maju jaya abadi"],
  ["PT MAJU JAYA ABADI", "maju jaya abadi"],
  ["Pak Darto (calo)", "darto"],
  ["  darto  ", "darto"],
  ["Golden Star Sdn. Bhd.", "golden star"],
  ["LPK Sakura Indonesia", "sakura indonesia"],
  ["Agên Séjahtera", "sejahtera"],
  ["PT", ""],
])("%j → %j", (name, key) => {
  expect(normalizeRecruiterName(name)).toBe(key);
});
