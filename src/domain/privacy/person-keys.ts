import type { Cipher, PersonKey } from "../../crypto/create-cipher.ts";
import type { Db, Tx } from "../../db/create-prisma-client.ts";

/** Where a sealed value lives, bound into its GCM associated data: `Message.bodyEnc/<id>`. */
export function sealedAt(model: string, column: string, rowId: string): string {
  return `${model}.${column}/${rowId}`;
}

const MERGED = "+merged:";

/**
 * The owner of a key that came with a contact merged into another (one person seen at two addresses): the
 * data sealed under it stays readable, and erasing `into` destroys it with `into`'s own key.
 */
export function mergedKeyOwner(into: string, from: string): string {
  return `${into}${MERGED}${from}`;
}

/**
 * The person key of a contact (or of a wipe job: `owner` is any stable id), created on first use. The
 * unwrapped key is kept in this process's memory so that synchronous code can seal and read with it.
 */
export async function personKeyFor(tx: Tx | Db, cipher: Cipher, owner: string): Promise<PersonKey> {
  let row = await tx.personKey.findUnique({ where: { contactId: owner } });
  if (!row) {
    const fresh = cipher.newPersonKey();
    await tx.personKey.createMany({
      data: [{ id: fresh.id, contactId: owner, wrapped: cipher.wrapKey(fresh) }],
      skipDuplicates: true,
    });
    row = await tx.personKey.findUniqueOrThrow({ where: { contactId: owner } });
  }
  return openPersonKey(cipher, row);
}

/** The key of a person-key row already read: from this process's memory when it holds it, else unwrapped and kept. */
export function openPersonKey(cipher: Cipher, row: { id: string; wrapped: string }): PersonKey {
  const cached = cipher.keys.get(row.id);
  if (cached) return cached;
  const key = cipher.unwrapKey(row.id, row.wrapped);
  cipher.keys.remember(key);
  return key;
}

/** The person key of the contact a conversation belongs to now. */
export async function personKeyForConversation(tx: Tx | Db, cipher: Cipher, conversationId: string) {
  const { contactId } = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { contactId: true },
  });
  return personKeyFor(tx, cipher, contactId);
}

/**
 * Loads into memory the person keys the given sealed values need (another instance may have made them),
 * so that `cipher.decrypt` can read them. Keys that were erased stay missing: their values cannot be read.
 */
export async function loadPersonKeys(tx: Tx | Db, cipher: Cipher, sealed: readonly (string | null | undefined)[]) {
  const missing = new Set<string>();
  for (const value of sealed) {
    const id = value ? cipher.keyIdOf(value) : null;
    if (id && !cipher.keys.get(id)) missing.add(id);
  }
  if (!missing.size) return;
  const rows = await tx.personKey.findMany({ where: { id: { in: [...missing] } } });
  for (const row of rows) cipher.keys.remember(cipher.unwrapKey(row.id, row.wrapped));
}

/** Loads every person key at start: one small table, read once. */
export async function loadAllPersonKeys(db: Db, cipher: Cipher): Promise<number> {
  const rows = await db.personKey.findMany();
  for (const row of rows) cipher.keys.remember(cipher.unwrapKey(row.id, row.wrapped));
  return rows.length;
}

/** Destroys a person key for good (the row, and this process's copy): their sealed data can never be read again. */
export async function destroyPersonKey(tx: Tx | Db, cipher: Cipher, owner: string): Promise<void> {
  const where = { OR: [{ contactId: owner }, { contactId: { startsWith: `${owner}${MERGED}` } }] };
  const rows = await tx.personKey.findMany({ where, select: { id: true } });
  await tx.personKey.deleteMany({ where });
  for (const row of rows) cipher.keys.forget(row.id);
}

/** Reads a sealed value, or null when it cannot be read any more (its person key was erased). */
export function openOrNull<T>(cipher: Cipher, sealed: string | null | undefined, context: string): T | null {
  if (!sealed) return null;
  try {
    return cipher.decryptJson<T>(sealed, context);
  } catch {
    return null;
  }
}

/**
 * Seals words about a ticket's person (a caseworker's note, an outcome note, an override reason) under that
 * person's key, so that their erasure takes these too; a ticket already cut from its person uses the
 * organisation's key.
 */
export async function sealForTicket(
  tx: Tx | Db,
  cipher: Cipher,
  ticket: { contactId: string | null },
  plain: string,
  context: string,
): Promise<string> {
  if (!ticket.contactId) return cipher.encrypt(plain);
  return cipher.sealFor(await personKeyFor(tx, cipher, ticket.contactId), plain, context);
}

/** Reads a sealed text; a value from before encryption (stored in clear) is returned as it is. */
export function openText(cipher: Cipher, stored: string | null, context: string): string | null {
  if (stored === null) return null;
  if (!/^v[12]:/.test(stored)) return stored;
  try {
    return cipher.decrypt(stored, context);
  } catch {
    return "";
  }
}
