import { expect, test } from "vitest";
import { understandReply } from "../../src/engine/understand/understand-reply.ts";
import type { Choice } from "../../src/engine/types.ts";

const c = (id: string, label: string): Choice & { label: string } => ({ id, key: id, label });
const labelOf = (choice: Choice) => (choice as Choice & { label: string }).label;
const YES_NO = [c("ans.yes", "Ya"), c("ans.no", "Tidak"), c("ans.unsure", "Tidak yakin"), c("ans.skip", "Lewati")];
const ERASE = [c("erase.yes", "Ya, hapus"), c("erase.no", "Jangan hapus")];
const TIMES = [
  c("time.morning", "Pagi"),
  c("time.evening", "Malam"),
  c("time.night", "Larut malam"),
  c("time.any", "Kapan saja"),
];

test.each([
  ["iyaa kak", "ans.yes", YES_NO],
  ["gak, 21", "ans.no", YES_NO],
  ["blm berangkat kak", "ans.no", YES_NO],
  ["ga tau juga", "ans.unsure", YES_NO],
  ["yeah he keeps it", "ans.yes", YES_NO],
  ["3", "ans.unsure", YES_NO],
  ["iya hapus aja", "erase.yes", ERASE],
  ["jangan dihapus", "erase.no", ERASE],
  ["yes", "erase.yes", ERASE],
  ["kapan aja boleh", "time.any", TIMES],
  ["night only", "time.night", TIMES],
  ["malem", "time.evening", TIMES],
  ["kapan sja", "time.any", TIMES],
])("%s → %s", (text, id, offered) => {
  expect(understandReply(text, offered, labelOf)?.id).toBe(id);
});

test("words after the answer come back as extra; a bare answer has none; nonsense is no answer", () => {
  expect(understandReply("iya dipegang kapten", YES_NO, labelOf)).toEqual({ id: "ans.yes", extra: "dipegang kapten" });
  expect(understandReply("iya kak", YES_NO, labelOf)).toEqual({ id: "ans.yes" });
  expect(understandReply("paspor saya di agen", ERASE, labelOf)).toBeNull();
  expect(understandReply("21", YES_NO, labelOf, { numbers: false })).toBeNull();
});
