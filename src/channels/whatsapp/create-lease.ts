/** The lease moved to the database layer (the Telegram alert job uses it too); kept here for existing imports. */
export { createLease, type Lease } from "../../db/create-lease.ts";
