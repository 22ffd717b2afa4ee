import { z } from "zod";

/** The largest value of a PostgreSQL bigint: a cursor beyond it is not one we ever gave out. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/**
 * A transcript cursor (`?after=`) as every API gives it out: the decimal id of a message. Anything else —
 * letters, an over-long number, one past PostgreSQL's bigint — is a 400 at the edge, never a database error.
 */
export const Cursor = z
  .string()
  .regex(/^\d{1,19}$/, "must be a cursor from an earlier answer")
  .refine(
    (value) => /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT,
    "must be a cursor from an earlier answer",
  );
export type Cursor = z.infer<typeof Cursor>;
