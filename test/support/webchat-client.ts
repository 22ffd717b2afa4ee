import type { Hono } from "hono";

export type Reply = { text: string; choices?: { id: string; label: string }[] };
/** A reply as the API gives it: its words, with the message id and transcript cursor it is listed under. */
type ApiReply = Reply & { id: string; cursor: string };

/** The replies' words, as the flow tests compare them; every reply must carry its message id and cursor. */
function wordsOf(replies: ApiReply[]): Reply[] {
  return replies.map(({ id, cursor, ...reply }) => {
    if (typeof id !== "string" || !id || typeof cursor !== "string" || !/^\d+$/.test(cursor))
      throw new Error(`a reply without its message id and cursor: ${JSON.stringify({ id, cursor })}`);
    return reply;
  });
}

/** Drives the web chat API through `app.request()`, the way the page does. */
export async function startChat(app: Hono, locale?: "id" | "en") {
  const res = await app.request("/api/webchat/conversations", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(locale ? { locale } : {}),
  });
  if (res.status !== 201) throw new Error(`start failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { conversationId: string; token: string; replies: ApiReply[] };
  const started = { ...body, replies: wordsOf(body.replies) };
  const send = async (body: { text: string } | { choice: string }): Promise<Reply[]> => {
    const r = await app.request(`/api/webchat/conversations/${started.conversationId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${started.token}` },
      body: JSON.stringify(body),
    });
    if (r.status !== 200) throw new Error(`send failed: ${r.status} ${await r.text()}`);
    return wordsOf(((await r.json()) as { replies: ApiReply[] }).replies);
  };
  return {
    ...started,
    say: (text: string) => send({ text }),
    tap: (choice: string) => send({ choice }),
    transcript: async (after?: string) => {
      const r = await app.request(
        `/api/webchat/conversations/${started.conversationId}/messages${after ? `?after=${after}` : ""}`,
        {
          headers: { authorization: `Bearer ${started.token}` },
        },
      );
      return (await r.json()) as {
        messages: { id: string; cursor: string; direction: string; author: string; text: string; withheld?: boolean }[];
        cursor: string;
      };
    },
  };
}

export const lastChoices = (replies: Reply[]) => replies.at(-1)?.choices?.map((c) => c.id) ?? [];
export const allText = (replies: Reply[]) => replies.map((r) => r.text).join("\n");
