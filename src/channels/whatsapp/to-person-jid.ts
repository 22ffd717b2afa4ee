import {
  isJidBot,
  isJidBroadcast,
  isJidGroup,
  isJidMetaAI,
  isJidNewsletter,
  isJidStatusBroadcast,
  isLidUser,
  isPnUser,
  jidDecode,
  jidNormalizedUser,
  type WAMessageKey,
} from "@whiskeysockets/baileys";

const PERSON_SERVERS = new Set(["s.whatsapp.net", "c.us", "lid"]);

/**
 * The one address of the person a one-to-one message comes from, or null when the chat is not with a
 * person (group, broadcast list, status, newsletter, bot). WhatsApp may address a person by phone number
 * (`628…@s.whatsapp.net`) or by a privacy id (`…@lid`); when Baileys tells us the phone-number address as
 * well (`remoteJidAlt` in Baileys 7, `senderPn` before), that one is used, so a person keeps one
 * conversation whichever way they are addressed. Device suffixes (`628…:12@s.whatsapp.net`) are dropped.
 */
export function toPersonJid(key: WAMessageKey): string | null {
  const remote = key.remoteJid ?? undefined;
  if (
    !remote ||
    isJidGroup(remote) ||
    isJidBroadcast(remote) ||
    isJidStatusBroadcast(remote) ||
    isJidNewsletter(remote)
  )
    return null;
  if (isJidBot(remote) || isJidMetaAI(remote)) return null;
  const decoded = jidDecode(remote);
  if (!decoded?.user || !PERSON_SERVERS.has(decoded.server) || !/^\d+$/.test(decoded.user)) return null;
  if (isLidUser(remote)) {
    const legacy = (key as { senderPn?: string | null }).senderPn ?? undefined;
    for (const alt of [key.remoteJidAlt, legacy]) {
      if (alt && isPnUser(alt)) return jidNormalizedUser(alt);
    }
  }
  return jidNormalizedUser(remote) || null;
}
