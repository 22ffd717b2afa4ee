import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AssessResponse } from "../../src/api/screening-routes.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { bearer, createCaseworker } from "./api-support.ts";

type DevCase = {
  id: string;
  text: string;
  locale?: "id" | "en";
  expect: { emergency?: boolean; risk?: string[]; intent?: string[]; indicators?: (string | string[])[] };
};
const DEV_CASES: DevCase[] = JSON.parse(
  readFileSync(new URL("../domain/screening/dev-cases.json", import.meta.url), "utf8"),
);

let lentera: TestLentera;
let token: string;
let inactiveToken: string;
beforeAll(async () => {
  lentera = await createTestLentera();
  token = (await createCaseworker(lentera, { email: "assess@example.org" })).token;
  inactiveToken = (await createCaseworker(lentera, { email: "gone@example.org", active: false })).token;
});
afterAll(() => lentera?.close());

const assess = (body: unknown, headers: Record<string, string> = bearer(token)) =>
  lentera.app.request("/api/screening/assess", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /api/screening/assess", () => {
  test("answers the SCREENING.md shape, with evidence from the text", async () => {
    const res = await assess({
      text: "paspor saya dipegang bos dan gaji 5 bulan belum dibayar, saya kerja di kuala lumpur",
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual([
      "child",
      "emergency",
      "explanation",
      "indicators",
      "intent",
      "language",
      "littleUnderstood",
      "palermo",
      "priority",
      "risk",
      "safetyCheck",
      "selfHarm",
      "understanding",
    ]);
    expect(body).toMatchObject({
      language: "id",
      intent: "help",
      emergency: false,
      child: false,
      risk: "high",
      priority: "high",
    });
    expect(body.indicators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: "FL-01-documents",
          category: "forced_labour",
          strength: expect.any(String),
          evidence: expect.stringContaining("paspor"),
        }),
      ]),
    );
    expect(body.palermo).toEqual({
      act: expect.any(Boolean),
      means: expect.any(Boolean),
      purpose: expect.any(Boolean),
    });
    expect(body.explanation).toEqual({ id: expect.any(String), en: expect.any(String) });
  });

  test.each(DEV_CASES)("dev case $id", async (item) => {
    const res = await assess(item.locale ? { text: item.text, locale: item.locale } : { text: item.text });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      emergency: boolean;
      indicators: { id: string }[];
      risk: string;
      priority: string;
    };
    if (item.expect.emergency !== undefined) expect(body.emergency).toBe(item.expect.emergency);
    if (body.emergency) expect(body.priority).toBe("urgent");
  });

  test("each indicator carries its human name in both languages, and its evidence says it", async () => {
    const body = AssessResponse.parse(
      await (await assess({ text: "majikan mau mukul sy skrg, tolong. paspor sy juga ditahan" })).json(),
    );
    expect(body.emergency).toBe(true);
    expect(body.indicators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: "FL-06-violence",
          name: { id: "kekerasan fisik", en: "physical violence" },
          evidence: expect.stringContaining("mukul"),
        }),
        expect.objectContaining({
          id: "FL-01-documents",
          name: { id: "paspor atau dokumen ditahan", en: "passport or documents kept by someone else" },
          evidence: expect.stringContaining("paspor"),
        }),
      ]),
    );
    // Violence about to happen is not a death threat: that indicator would name words the person did not say.
    expect(body.indicators.map((hit) => hit.id)).not.toContain("EM-03-death-threat");
    expect(body.littleUnderstood).toBe(false);
  });

  test.each([
    [
      "a language screening does not read",
      "Tulungan mo ako, hindi ako makaalis sa bahay ng amo ko, kinuha niya ang pasaporte ko",
      false,
    ],
    [
      "a long message in words it does not know",
      "punten, abdi bapana Siti ti Cianjur. Siti angkat ka Saudi genep taun kaliwat, ti harita teu aya beja, teu tiasa dihubungi deui",
      true,
    ],
  ])("little understood: %s", async (_label, text, languageRead) => {
    const body = AssessResponse.parse(await (await assess({ text })).json());
    expect(body.littleUnderstood).toBe(true);
    expect(body.understanding.languageRead).toBe(languageRead);
    expect(body.understanding.words).toBeGreaterThan(body.understanding.knownWords);
  });

  test("a plain Indonesian or English message is understood", async () => {
    for (const text of [
      "paspor saya dipegang bos dan gaji 5 bulan belum dibayar, saya kerja di kuala lumpur",
      "my employer keeps my passport and has not paid me for five months",
    ]) {
      const body = AssessResponse.parse(await (await assess({ text })).json());
      expect(body.littleUnderstood, text).toBe(false);
      expect(body.understanding.languageRead).toBe(true);
    }
  });

  test("the OpenAPI document describes the request and the answer, new fields included", async () => {
    const res = await lentera.app.request("/api/openapi.json", { headers: bearer(token) });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<string, { post?: { requestBody?: unknown; responses: Record<string, { content?: unknown }> } }>;
    };
    const post = doc.paths["/api/screening/assess"]?.post;
    expect(JSON.stringify(post?.requestBody)).toContain('"text"');
    const answer = JSON.stringify(post?.responses["200"]?.content);
    for (const field of ["safetyCheck", "language", "littleUnderstood", "understanding", "name", "evidence"])
      expect(answer).toContain(`"${field}"`);
  });

  test("the locale is a hint for short texts", async () => {
    const en = await (await assess({ text: "Surabaya", locale: "en" })).json();
    const id = await (await assess({ text: "Surabaya", locale: "id" })).json();
    expect([en.language, id.language]).toEqual(["en", "id"]);
  });

  test.each([
    ["no header", {}],
    ["not a bearer", { authorization: "Basic abc" }],
    ["an unknown token", bearer("lnt_unknown")],
    ["a token of an inactive caseworker", undefined],
  ])("401 with %s", async (_label, headers) => {
    const res = await assess({ text: "paspor saya ditahan" }, headers ?? bearer(inactiveToken));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  test.each([
    ["empty text", { text: "" }],
    ["text too long", { text: "a".repeat(4001) }],
    ["no text", { locale: "id" }],
    ["an unknown locale", { text: "halo", locale: "fr" }],
    ["an extra field", { text: "halo", answers: {} }],
    ["not JSON", "{oops"],
  ])("400 for %s", async (_label, body) => {
    const res = await assess(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
  });

  test("4,000 characters are accepted", async () => {
    expect((await assess({ text: "saya kerja ".repeat(400).slice(0, 4000) })).status).toBe(200);
  });
});
