import type { Answer } from "../../domain/screening/index.ts";
import type { Choice, Input } from "../types.ts";
import { normalizeReply } from "../keywords.ts";

/** The quick replies of a screening question. */
export const ANSWER_CHOICES: Choice[] = [
  { id: "ans.yes", key: "intake:answer.yes" },
  { id: "ans.no", key: "intake:answer.no" },
  { id: "ans.unsure", key: "intake:answer.unsure" },
  { id: "ans.skip", key: "intake:answer.skip" },
];

export type ParsedAnswer = { status: "answer"; answer: Answer } | { status: "skip" } | { status: "none" };

const TYPED = new Map<string, Answer | "skip">([
  ...[
    "ya",
    "iya",
    "y",
    "yes",
    "yep",
    "yup",
    "ok",
    "oke",
    "betul",
    "benar",
    "bener",
    "iyaa",
    "yaa",
    "he eh",
    "iye",
    "iyo",
    "nggih",
    "yes it is",
  ].map((w) => [w, "yes"] as const),
  ...[
    "tidak",
    "tdk",
    "gak",
    "ga",
    "gk",
    "nggak",
    "ngga",
    "enggak",
    "engga",
    "ndak",
    "nda",
    "no",
    "nope",
    "bukan",
    "belum",
    "blm",
    "not really",
    "never",
    "tidak pernah",
    "gak pernah",
  ].map((w) => [w, "no"] as const),
  ...[
    "tidak tahu",
    "gak tahu",
    "ga tau",
    "gak tau",
    "nggak tau",
    "ngga tau",
    "tdk tahu",
    "entah",
    "mungkin",
    "kurang tahu",
    "ragu",
    "not sure",
    "unsure",
    "maybe",
    "don't know",
    "dont know",
    "idk",
    "i don't know",
  ].map((w) => [w, "unsure"] as const),
  ...["skip", "lewati", "lewat", "lanjut", "pass", "next", "tidak mau jawab", "gak mau jawab", "rather not say"].map(
    (w) => [w, "skip"] as const,
  ),
]);
const TAPPED = new Map<string, Answer | "skip">([
  ["ans.yes", "yes"],
  ["ans.no", "no"],
  ["ans.unsure", "unsure"],
  ["ans.skip", "skip"],
]);

/**
 * A screening answer from a tap or from typing: the quick reply ids, or short colloquial replies in either
 * language ("iya", "gak", "ga tau", "skip"). Anything longer is not an answer but more of the story.
 */
export function parseAnswer(input: Input): ParsedAnswer {
  const value =
    input.type === "choice"
      ? TAPPED.get(input.id)
      : input.type === "text"
        ? TYPED.get(normalizeReply(input.text))
        : undefined;
  if (value === undefined) return { status: "none" };
  return value === "skip" ? { status: "skip" } : { status: "answer", answer: value };
}
