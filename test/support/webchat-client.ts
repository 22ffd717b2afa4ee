import type { Hono } from "hono";

/** A reply as the API gives it: its message id and transcript cursor, its words and quick replies. */
export type Reply = { id: string; cursor: string; text: string; choices?: { id: string; label: string }[] };

/** Drives the web chat API through `app.request()`, the way the page does. */
export async function startChat(app: Hono, locale?: "id" | "en") {
  const res = await app.request("/api/webchat/conversations", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(locale ? { locale } : {}),
  });
  if (res.status !== 201) throw new Error(`start failed: ${res.status} ${await res.text()}`);
  const started = (await res.json()) as { conversationId: string; token: string; replies: Reply[] };
  const send = async (body: { text: string } | { choice: string }): Promise<Reply[]> => {
    const r = await app.request(`/api/webchat/conversations/${started.conversationId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${started.token}` },
      body: JSON.stringify(body),
    });
    if (r.status !== 200) throw new Error(`send failed: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { replies: Reply[] }).replies;
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
