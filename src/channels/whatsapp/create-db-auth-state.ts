import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
} from "@whiskeysockets/baileys";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";

const CREDS_KEY = "creds";

export type DbAuthState = {
  state: AuthenticationState;
  /** writes the credentials (call on every `creds.update`) */
  saveCreds(): Promise<void>;
  /** whether these credentials belong to a linked device */
  isLinked(): boolean;
  /** forgets the link: credentials and every signal key (after `loggedOut`, or before relinking) */
  clear(): Promise<void>;
};

/**
 * Baileys' auth state (credentials and signal keys) in the `WhatsAppAuth` table instead of a folder of
 * files, so the process can restart or move machines without relinking. Every value is encrypted with the
 * deployment key (serialised with Baileys' `BufferJSON`, which keeps Buffers and Uint8Arrays); key ids,
 * which include phone numbers and JIDs, are stored as keyed hashes. One `keys.set` is one transaction.
 */
export async function createDbAuthState(db: Db, cipher: Cipher): Promise<DbAuthState> {
  const seal = (value: unknown) => cipher.encrypt(JSON.stringify(value, BufferJSON.replacer));
  const open = <T>(sealed: string): T => JSON.parse(cipher.decrypt(sealed), BufferJSON.reviver) as T;
  const rowKey = (type: string, id: string) => `${type}:${cipher.lookupKey(id)}`;

  const stored = await db.whatsAppAuth.findUnique({ where: { key: CREDS_KEY } });
  const creds: AuthenticationCreds = stored ? open<AuthenticationCreds>(stored.valueEnc) : initAuthCreds();

  let saving: Promise<void> = Promise.resolve();

  const keys: AuthenticationState["keys"] = {
    async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const byKey = new Map(ids.map((id) => [rowKey(type, id), id]));
      const rows = await db.whatsAppAuth.findMany({ where: { key: { in: [...byKey.keys()] } } });
      const found: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const row of rows) {
        const id = byKey.get(row.key);
        if (id === undefined) continue;
        const value = open<SignalDataTypeMap[T]>(row.valueEnc);
        found[id] = (
          type === "app-state-sync-key" ? proto.Message.AppStateSyncKeyData.fromObject(value as object) : value
        ) as SignalDataTypeMap[T];
      }
      return found;
    },
    async set(data: SignalDataSet) {
      const writes = [];
      const removals: string[] = [];
      for (const [type, values] of Object.entries(data)) {
        for (const [id, value] of Object.entries(values ?? {})) {
          const key = rowKey(type, id);
          if (value === null || value === undefined) removals.push(key);
          else
            writes.push(
              db.whatsAppAuth.upsert({
                where: { key },
                create: { key, valueEnc: seal(value) },
                update: { valueEnc: seal(value) },
              }),
            );
        }
      }
      if (removals.length) writes.push(db.whatsAppAuth.deleteMany({ where: { key: { in: removals } } }));
      if (writes.length) await db.$transaction(writes);
    },
    async clear() {
      await db.whatsAppAuth.deleteMany({ where: { key: { not: CREDS_KEY } } });
    },
  };

  return {
    state: { creds, keys },
    saveCreds() {
      // one write after the other, so an older snapshot never overwrites a newer one
      saving = saving
        .catch(() => {})
        .then(async () => {
          const valueEnc = seal(creds);
          await db.whatsAppAuth.upsert({
            where: { key: CREDS_KEY },
            create: { key: CREDS_KEY, valueEnc },
            update: { valueEnc },
          });
        });
      return saving;
    },
    isLinked: () => Boolean(creds.me?.id),
    async clear() {
      await saving.catch(() => {});
      await db.whatsAppAuth.deleteMany({});
    },
  };
}
