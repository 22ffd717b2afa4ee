import { KEY_CHECK_SETTING, type KeyCheckStore } from "../crypto/check-master-key.ts";
import type { Db } from "./create-prisma-client.ts";

/** The master key's check value in the Setting table, and the samples a database from before it is checked by. */
export function createKeyCheckStore(db: Db): KeyCheckStore & { hasCheck(): Promise<boolean> } {
  return {
    async readCheck() {
      const row = await db.setting.findUnique({ where: { key: KEY_CHECK_SETTING } });
      if (!row) return undefined;
      return (row.value as { check?: unknown } | null) ?? {};
    },
    async readSamples() {
      const sample = await db.contact.findFirst({
        where: { erasedAt: null, channelUserEnc: { startsWith: "v1:" } },
        select: { channelUserEnc: true },
      });
      const wrapped = await db.personKey.findFirst({ select: { id: true, wrapped: true } });
      return { ...(sample ? { sealed: sample.channelUserEnc } : {}), ...(wrapped ? { wrapped } : {}) };
    },
    async recordCheck(value) {
      await db.setting.createMany({ data: [{ key: KEY_CHECK_SETTING, value }], skipDuplicates: true });
    },
    /** whether this database already recorded a key (then a missing key must not be replaced by a new one) */
    async hasCheck() {
      return (await db.setting.count({ where: { key: KEY_CHECK_SETTING } })) > 0;
    },
  };
}
