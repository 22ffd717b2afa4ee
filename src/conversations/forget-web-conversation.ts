import type { Db } from "../db/create-prisma-client.ts";

/** After erasure the web chat's token stops working: the conversation answers 404 to it from now on. */
export async function forgetWebConversation(db: Db, conversationId: string): Promise<void> {
  await db.conversation.update({ where: { id: conversationId }, data: { tokenHash: null } });
}
