import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import { listMediaOf, type MediaSummary } from "../domain/media/media-files.ts";
import { loadPersonKeys, sealedAt } from "../domain/privacy/person-keys.ts";
import type { MessageBody, RenderedChoice } from "./types.ts";

export type TranscriptMessage = {
  id: string;
  cursor: string;
  direction: "inbound" | "outbound";
  author: "person" | "bot" | "caseworker" | "system";
  text: string;
  choices?: RenderedChoice[];
  withheld?: boolean;
  /** a file the person sent; `file`: its record (stored, on its way, refused or failed), absent once it is deleted */
  media?: { kind: string; ref: string; file?: MediaSummary };
  status: string;
  createdAt: string;
};

/**
 * A conversation's messages in order, decrypted. `after` is the cursor of the last message already seen (the
 * oldest `limit` after it); `newest` asks for the newest `limit` instead, before the cursor `before` when
 * given (a long transcript is read from its end, a page at a time).
 */
export async function listMessages(
  db: Db,
  cipher: Cipher,
  conversationId: string,
  options: { after?: bigint; before?: bigint; newest?: boolean; limit?: number } = {},
): Promise<TranscriptMessage[]> {
  const fromEnd = options.newest === true || options.before !== undefined;
  const seq = {
    ...(options.after !== undefined ? { gt: options.after } : {}),
    ...(options.before !== undefined ? { lt: options.before } : {}),
  };
  const found = await db.message.findMany({
    where: { conversationId, ...(Object.keys(seq).length ? { seq } : {}) },
    orderBy: { seq: fromEnd ? "desc" : "asc" },
    take: options.limit ?? 500,
  });
  const rows = fromEnd ? found.reverse() : found;
  await loadPersonKeys(
    db,
    cipher,
    rows.map((row) => row.bodyEnc),
  );
  const files = await listMediaOf(
    db,
    rows.filter((row) => row.direction === "inbound").map((row) => row.id),
  );
  return rows.map((row) => {
    const body = cipher.decryptJson<MessageBody>(row.bodyEnc, sealedAt("Message", "bodyEnc", row.id));
    const message: TranscriptMessage = {
      id: row.id,
      cursor: row.seq.toString(),
      direction: row.direction,
      author: row.author,
      text: body.text,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
    };
    if (body.choices?.length) message.choices = body.choices;
    if (body.withheld) message.withheld = true;
    const file = files.get(row.id);
    if (body.media) message.media = { ...body.media, ...(file ? { file } : {}) };
    return message;
  });
}
