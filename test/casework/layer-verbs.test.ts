import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listActiveCaseworkers, listCaseworkers, readCaseworkerName } from "../../src/casework/list-caseworkers.ts";
import { countExamplePartners, listPartnerNames, listPartners } from "../../src/casework/list-partners.ts";
import { readSessionCsrf } from "../../src/casework/read-session-csrf.ts";
import { recordAuditExport } from "../../src/casework/record-audit-export.ts";
import { createSession } from "../../src/casework/sessions.ts";
import { isInboundStored } from "../../src/conversations/is-inbound-stored.ts";
import { markContactReachable } from "../../src/conversations/mark-contact-reachable.ts";
import { openWebConversation } from "../../src/conversations/open-web-conversation.ts";
import { initialState } from "../../src/engine/types.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker } from "../console/support.ts";

/** The verbs routes and channels call instead of Prisma (issue #15, item 2), against a real database. */
describe("casework and conversation verbs behind the routes and channels", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  });
  afterAll(() => lentera?.close());

  it("lists partners by name, active ones only or all with the active first, and counts active examples", async () => {
    const tag = randomUUID().slice(0, 6);
    await lentera.db.partner.createMany({
      data: [
        { name: `zz ${tag} inactive`, services: [], provinces: [], contact: "x", active: false },
        { name: `[Contoh] ${tag}`, services: [], provinces: [], contact: "x", active: true },
      ],
    });
    const before = await countExamplePartners(lentera.db);
    const active = (await listPartners(lentera.db, { activeOnly: true })).map((p) => p.name);
    expect(active).toContain(`[Contoh] ${tag}`);
    expect(active).not.toContain(`zz ${tag} inactive`);
    expect(active).toEqual([...active].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const all = await listPartners(lentera.db, { activeOnly: false, activeFirst: true });
    const firstInactive = all.findIndex((p) => !p.active);
    expect(firstInactive).toBeGreaterThan(-1);
    expect(all.slice(firstInactive).every((p) => !p.active)).toBe(true);
    expect((await listPartnerNames(lentera.db)).map((p) => p.name)).toContain(`zz ${tag} inactive`);
    expect(before).toBeGreaterThanOrEqual(1);
    await lentera.db.partner.updateMany({ where: { name: `[Contoh] ${tag}` }, data: { active: false } });
    expect(await countExamplePartners(lentera.db)).toBe(before - 1);
  });

  it("lists accounts (active ones to assign to), reads a name, and audits an export of the audit log", async () => {
    const { caseworker } = await addCaseworker(lentera, "caseworker", `Layer Test ${randomUUID().slice(0, 6)}`);
    await lentera.db.caseworker.update({ where: { id: caseworker.id }, data: { active: false } });
    expect((await listActiveCaseworkers(lentera.db)).map((c) => c.id)).not.toContain(caseworker.id);
    const all = await listCaseworkers(lentera.db, { activeFirst: true });
    expect(all.map((c) => c.id)).toContain(caseworker.id);
    expect(all.at(-1)!.active).toBe(false);
    expect(await readCaseworkerName(lentera.db, caseworker.id)).toBe(caseworker.name);

    await recordAuditExport(lentera.db, caseworker.id, { rows: 7, format: "csv" });
    const row = await lentera.db.auditEvent.findFirstOrThrow({
      where: { actorId: caseworker.id, action: "audit.exported" },
    });
    expect(row).toMatchObject({ actorType: "caseworker", subjectType: "audit", meta: { rows: 7, format: "csv" } });
  });

  it("reads a session's CSRF token by its cookie token, and nothing for an unknown one", async () => {
    const { caseworker } = await addCaseworker(lentera, "caseworker");
    const created = await createSession(lentera.db, caseworker.id, new Date());
    expect(await readSessionCsrf(lentera.db, created.token)).toBe(created.session.csrfToken);
    expect(await readSessionCsrf(lentera.db, "not-a-session-token")).toBeNull();
  });

  it("opens a web conversation with a sealed contact, tells stored inbound ids, and unblocks a contact", async () => {
    const channelUserId = randomUUID();
    const { conversationId } = await openWebConversation(lentera, {
      channelUserId,
      tokenHash: randomUUID(),
      state: initialState("en"),
    });
    const conversation = await lentera.db.conversation.findUniqueOrThrow({
      where: { id: conversationId },
      include: { contact: true },
    });
    expect(conversation.contact).toMatchObject({ channel: "web", locale: "en" });
    expect(conversation.contact.channelUserEnc).not.toContain(channelUserId);

    const externalId = `layer-${randomUUID()}`;
    expect(await isInboundStored(lentera.db, "web", externalId)).toBe(false);
    await lentera.db.inboundReceipt.create({ data: { channel: "web", externalId } });
    expect(await isInboundStored(lentera.db, "web", externalId)).toBe(true);
    expect(await isInboundStored(lentera.db, "telegram", externalId)).toBe(false);

    await lentera.db.contact.update({ where: { id: conversation.contactId }, data: { blockedAt: new Date() } });
    await markContactReachable(lentera.db, lentera.cipher, { channel: "web", channelUserId });
    const contact = await lentera.db.contact.findUniqueOrThrow({ where: { id: conversation.contactId } });
    expect(contact.blockedAt).toBeNull();
  });
});
