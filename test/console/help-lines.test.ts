import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { researchedHelpLines } from "../../src/domain/contacts/researched-help-lines.ts";
import { RESEARCHED_DIRECTORY } from "../../src/domain/contacts/help-line-directory.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, startChat } from "../support/webchat-client.ts";
import { addCaseworker, consoleClient } from "./support.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(async () => {
  await lentera?.close();
});

/** A person locked in by her employer in Riyadh, through the web chat: what the bot gives her at once. */
async function riyadhEmergency(): Promise<string> {
  const chat = await startChat(lentera.app, "id");
  await chat.say("iya setuju");
  return allText(await chat.say("tolong sy dikunci majikan di riyadh gak boleh keluar, dia mau pukul sy"));
}

async function signedInAdmin() {
  const admin = await addCaseworker(lentera, "admin");
  const client = consoleClient(lentera.app);
  await client.signIn(admin.email);
  return { admin, client };
}

const fields = (line: { nameId: string; nameEn: string; kind: string }, extra: Record<string, string> = {}) => ({
  nameId: line.nameId,
  nameEn: line.nameEn,
  kind: line.kind,
  position: "1",
  ...extra,
});

describe("help lines kept by admins (issue #11 item 3)", () => {
  test("a fresh database holds every researched line, with the research's rating, none confirmed", async () => {
    const rows = await lentera.db.helpLine.findMany();
    expect(rows.length).toBe(researchedHelpLines().length);
    expect(rows.every((r) => r.review === "public_sources" && r.verifiedOn === null)).toBe(true);
    const kbri = rows.find((r) => r.id === "sa-kbri-riyadh");
    expect(kbri).toMatchObject({ country: "SA", audience: "local", freshness: "stale", phone: "056 917 3990" });
  });

  test("a stale embassy line waits for an admin; confirmed, the next person in Riyadh is given it", async () => {
    const before = await riyadhEmergency();
    expect(before).toContain("911");
    expect(before).not.toContain("917 3990");

    const { admin, client } = await signedInAdmin();
    const page = await client.get("/console/admin/help-lines?country=SA");
    expect(page.res.status).toBe(200);
    expect(page.body).toMatch(/data-line="sa-kbri-riyadh" data-visibility="waiting"/);
    expect(page.body).toMatch(/data-line="sa-911-unified" data-visibility="public_sources"/);

    const kbri = await lentera.db.helpLine.findUniqueOrThrow({ where: { id: "sa-kbri-riyadh" } });
    const saved = await client.post(
      "/console/admin/help-lines/sa-kbri-riyadh",
      fields(kbri, { phone: "+966 56 917 3990", source: "called by the admin", action: "verify" }),
    );
    expect(saved.res.status).toBe(303);
    const row = await lentera.db.helpLine.findUniqueOrThrow({ where: { id: "sa-kbri-riyadh" } });
    expect(row).toMatchObject({ review: "verified", verifiedById: admin.caseworker.id, phone: "+966 56 917 3990" });
    const audit = await lentera.db.auditEvent.findFirstOrThrow({ where: { action: "help_line.verified" } });
    expect(audit).toMatchObject({ actorId: admin.caseworker.id, subjectId: "sa-kbri-riyadh" });
    // which fields changed, never the numbers themselves
    expect(JSON.stringify(audit.meta)).not.toContain("966");

    const after = await riyadhEmergency();
    expect(after).toContain("+966 56 917 3990");
    expect((await client.get("/console/admin/help-lines?country=SA")).body).toMatch(
      /data-line="sa-kbri-riyadh" data-visibility="verified"/,
    );
  });

  test("a hidden line is no longer given, and can be shown again", async () => {
    const { client } = await signedInAdmin();
    await client.get("/console/admin/help-lines?country=SA");
    expect((await client.post("/console/admin/help-lines/sa-911-unified", { action: "hide" })).res.status).toBe(303);
    expect(await riyadhEmergency()).not.toMatch(/\b911\b/);
    expect((await client.post("/console/admin/help-lines/sa-911-unified", { action: "unhide" })).res.status).toBe(303);
    expect(await riyadhEmergency()).toMatch(/\b911\b/);
  });

  test("an admin adds a local line; it is given at once and recorded as confirmed by them", async () => {
    const { admin, client } = await signedInAdmin();
    await client.get("/console/admin/help-lines");
    const added = await client.post("/console/admin/help-lines", {
      country: "sa",
      audience: "local",
      nameId: "Rumah aman mitra di Riyadh",
      nameEn: "Partner shelter in Riyadh",
      kind: "anti_trafficking_hotline",
      whatsapp: "+966 55 000 1234",
      hours: "24h",
      position: "5",
    });
    expect(added.res.status).toBe(303);
    const line = await lentera.db.helpLine.findFirstOrThrow({ where: { nameEn: "Partner shelter in Riyadh" } });
    expect(line).toMatchObject({ country: "SA", review: "verified", verifiedById: admin.caseworker.id });
    expect(await riyadhEmergency()).toContain("+966 55 000 1234");
  });

  test("bad input changes nothing: a number with letters, no number at all, a country that is not a code", async () => {
    const { client } = await signedInAdmin();
    await client.get("/console/admin/help-lines?country=SA");
    const line = await lentera.db.helpLine.findUniqueOrThrow({ where: { id: "sa-mhrsd-19911" } });
    const letters = await client.post(
      "/console/admin/help-lines/sa-mhrsd-19911",
      fields(line, { phone: "call me maybe", action: "save" }),
    );
    expect(letters.res.status).toBe(400);
    const none = await client.post("/console/admin/help-lines/sa-mhrsd-19911", fields(line, { action: "verify" }));
    expect(none.res.status).toBe(400);
    const country = await client.post("/console/admin/help-lines", {
      ...fields(line, { phone: "19911" }),
      country: "Saudi",
      audience: "local",
    });
    expect(country.res.status).toBe(400);
    expect(await lentera.db.helpLine.findUniqueOrThrow({ where: { id: "sa-mhrsd-19911" } })).toEqual(line);
  });

  test("only admins: a caseworker and a supervisor get 403 and change nothing", async () => {
    for (const role of ["caseworker", "supervisor"] as const) {
      const someone = await addCaseworker(lentera, role);
      const client = consoleClient(lentera.app);
      await client.signIn(someone.email);
      expect((await client.get("/console/admin/help-lines")).res.status).toBe(403);
      await client.get("/console/queue");
      expect((await client.post("/console/admin/help-lines/sa-911-unified", { action: "hide" })).res.status).toBe(403);
    }
    expect((await lentera.db.helpLine.findUniqueOrThrow({ where: { id: "sa-911-unified" } })).review).not.toBe(
      "hidden",
    );
  });

  test("the settings page warns while lines from public sources are unconfirmed", async () => {
    const { client } = await signedInAdmin();
    const shown = await lentera.db.helpLine.findMany({ where: { review: "public_sources" } });
    expect(shown.length).toBeGreaterThan(0);
    const settings = await client.get("/console/admin/settings");
    expect(settings.body).toContain('href="/console/admin/help-lines"');
    expect(settings.body).toMatch(/\d+ (nomor bantuan|help lines)/);
  });

  test("without a database the researched ratings decide: stale and unconfirmed numbers are not given", () => {
    const sa = RESEARCHED_DIRECTORY.forCountry("SA").map((c) => c.id);
    expect(sa).toContain("sa-911-unified");
    expect(sa).not.toContain("sa-kbri-riyadh");
    expect(sa).not.toContain("sa-legacy-999-997-998");
    // the Indonesian services that work from abroad follow, with numbers that can be dialled from there
    const kemlu = RESEARCHED_DIRECTORY.forCountry("SA").find((c) => c.id === "id-kemlu-pwni-hotline");
    expect(kemlu?.phoneFromAbroad).toBe("+6281290070027");
    expect(kemlu?.phone).toBeUndefined();
    expect(RESEARCHED_DIRECTORY.dangerNumbers(undefined)).toEqual({ police: "110", emergency: "112" });
  });
});
