import { z } from "zod";
import {
  AccountAction,
  NoteAction,
  PartnerAction,
  ReassignAction,
  ReferAction,
  ReferralUpdateAction,
  ReplyAction,
  ShareConsentAction,
  StatusAction,
} from "../casework/casework-action-schemas.ts";

/**
 * The ticket page's forms, read into the casework actions' own schemas — the ones the JSON API validates its
 * bodies with — so the console and the API accept and refuse exactly the same input. Only the reading is the
 * console's: form fields are text, an unchosen select or an empty input sends "", a checkbox sends "1".
 */
type Fields = Record<string, unknown>;

/** A field's text (missing when it is not text: a file, or not sent). */
const field = (fields: Fields, name: string) => (typeof fields[name] === "string" ? fields[name] : undefined);
/** An optional field: left out when empty. */
const given = (fields: Fields, name: string) => field(fields, name) || undefined;

const fromForm = <T extends z.ZodType>(read: (fields: Fields) => unknown, schema: T) =>
  z.preprocess((fields) => read(fields !== null && typeof fields === "object" ? (fields as Fields) : {}), schema);

export const ReplyForm = fromForm(
  (f) => ({ text: field(f, "text"), outsideSafeTimesConfirmed: field(f, "confirmOutsideSafeTimes") === "1" }),
  ReplyAction,
);
export const NoteForm = fromForm((f) => ({ text: field(f, "text") }), NoteAction);
export const StatusForm = fromForm(
  (f) => ({ status: field(f, "status"), outcome: given(f, "outcome"), outcomeNote: given(f, "outcomeNote") }),
  StatusAction,
);
export const ReassignForm = fromForm((f) => ({ assigneeId: field(f, "assigneeId") }), ReassignAction);
export const ReferForm = fromForm(
  (f) => ({ partnerId: field(f, "partnerId"), overrideReason: given(f, "overrideReason") }),
  ReferAction,
);
export const ShareConsentForm = fromForm(
  (f) => ({ partnerId: field(f, "partnerId"), outsideSafeTimesConfirmed: field(f, "confirmOutsideSafeTimes") === "1" }),
  ShareConsentAction,
);
export const ReferralForm = fromForm(
  (f) => ({ status: field(f, "status"), note: given(f, "note") }),
  ReferralUpdateAction,
);

/** "a, b,, c" → ["a", "b", "c"] */
const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
export const PartnerForm = fromForm(
  (f) => ({
    name: field(f, "name"),
    services: list(field(f, "services")),
    provinces: list(field(f, "provinces")),
    contact: field(f, "contact"),
    // an emptied field clears the address
    referralEmail: field(f, "referralEmail")?.trim() || null,
    active: field(f, "active") === "1",
  }),
  PartnerAction,
);

/** The form always sends a role ("" if none was chosen, which is refused); the checkbox keeps the account on. */
export const AccountForm = fromForm(
  (f) => ({ role: field(f, "role") ?? "", active: field(f, "active") === "1" }),
  AccountAction,
);
