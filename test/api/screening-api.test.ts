import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
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
      "palermo",
      "priority",
      "risk",
      "safetyCheck",
      "selfHarm",
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
