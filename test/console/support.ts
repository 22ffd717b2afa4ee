import type { Hono } from "hono";
import { expect } from "vitest";
import type { Role } from "../../src/db/generated/client.ts";
import { hashPassword } from "../../src/casework/hash-password.ts";
import { saveCaseworker } from "../../src/casework/save-caseworker.ts";
import type { CaseworkContext } from "../../src/casework/casework-context.ts";
import { openTicket } from "../../src/domain/tickets/open-ticket.ts";
import type { TicketRequest } from "../../src/domain/tickets/ticket-request.ts";
import type { TestLentera } from "../support/create-test-lentera.ts";

export const PASSWORD = "correct horse battery";

let counter = 0;

/**
 * PASSWORD's hash, made once per test process (hashPassword, production cost) and given to every account
 * addCaseworker makes: a hash takes some 100 ms of scrypt, and the suite makes hundreds of accounts. Signing
 * in still checks the password against it at full cost.
 */
let passwordHash: Promise<string> | undefined;

/** A caseworker account with a console password and an API token. */
export async function addCaseworker(lentera: TestLentera, role: Role, name = `${role} ${++counter}`) {
  const email = `${role}${++counter}@example.org`;
  const saved = await saveCaseworker(lentera.db, { email, name, role }, { type: "cli" });
  const caseworker = await lentera.db.caseworker.update({
    where: { id: saved.caseworker.id },
    data: { passwordHash: await (passwordHash ??= hashPassword(PASSWORD)) },
  });
  const { token } = saved;
  const ctx: CaseworkContext = {
    db: lentera.db,
    cipher: lentera.cipher,
    t: lentera.t,
    now: () => new Date(),
    actor: caseworker,
    onOutbound: () => void lentera.outbox.kick(),
  };
  return { caseworker, token, email, ctx };
}

/** A ticket for a conversation, opened the way the flows open one (domain/tickets/openTicket). */
export async function addTicket(lentera: TestLentera, conversationId: string, request: Partial<TicketRequest> = {}) {
  const conversation = await lentera.db.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    include: { contact: true },
  });
  const opened = await lentera.db.$transaction((tx) =>
    openTicket(
      tx,
      { cipher: lentera.cipher, t: lentera.t, now: () => new Date() },
      {
        contactId: conversation.contactId,
        conversationId,
        channel: conversation.channel,
        locale: conversation.contact.locale,
      },
      { type: "talk_to_person", ...request },
    ),
  );
  return lentera.db.ticket.findUniqueOrThrow({ where: { id: opened.id } });
}

/** A conversation with no web page behind it, for tests that only need a ticket. */
export async function addConversation(lentera: TestLentera, locale: "id" | "en" = "id") {
  const contact = await lentera.db.contact.create({
    data: {
      channel: "web",
      channelUserKey: `k-${Math.random()}`,
      channelUserEnc: lentera.cipher.encrypt(`u-${Math.random()}`),
      locale,
    },
  });
  return lentera.db.conversation.create({
    data: {
      contactId: contact.id,
      channel: "web",
      state: { version: 1, locale, languageChosen: true, consent: "granted", step: { name: "menu" }, offered: [] },
    },
  });
}

/** A browser-like session against the console through app.request(): cookies kept, CSRF token read from pages. */
export function consoleClient(app: Hono, options: { headers?: Record<string, string>; remoteAddress?: string } = {}) {
  // what @hono/node-server passes as the request's env: the TCP socket, with the client's address
  const env = options.remoteAddress ? { incoming: { socket: { remoteAddress: options.remoteAddress } } } : undefined;
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name!.trim());
      else cookies.set(name!.trim(), value.join("="));
    }
    return res;
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const client = {
    cookies,
    csrf: "",
    async get(path: string, headers: Record<string, string> = {}) {
      const res = keep(
        await app.request(
          path,
          { headers: { ...options.headers, cookie: header(), ...headers }, redirect: "manual" },
          env,
        ),
      );
      const body = await res.text();
      const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
      if (token) client.csrf = token;
      return { res, body };
    },
    async post(path: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
      const body = new URLSearchParams({ _csrf: client.csrf, ...fields });
      const res = keep(
        await app.request(
          path,
          {
            method: "POST",
            body,
            headers: {
              ...options.headers,
              "content-type": "application/x-www-form-urlencoded",
              cookie: header(),
              ...headers,
            },
            redirect: "manual",
          },
          env,
        ),
      );
      return { res, body: await res.text() };
    },
    async signIn(email: string, password = PASSWORD) {
      await client.get("/console/sign-in");
      return client.post("/console/sign-in", { email, password });
    },
  };
  return client;
}

/** A console client signed in as `email` (the sign-in must succeed), with the console in `lang` when given. */
export async function signedInClient(lentera: TestLentera, email: string, lang?: "id" | "en") {
  const client = consoleClient(lentera.app);
  expect((await client.signIn(email)).res.status).toBe(303);
  if (lang) client.cookies.set("lentera_console_lang", lang);
  return client;
}
