import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { errorBody } from "./errors.ts";

/** zod validation of one part of a request; a failure is a 400 that says which field is wrong and why. */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
      return c.json(
        errorBody(
          "bad_request",
          `Invalid ${target}: ${issues.map((i) => `${i.path || target} ${i.message}`).join("; ")}`,
          issues,
        ),
        400,
      );
    }
  });
}
