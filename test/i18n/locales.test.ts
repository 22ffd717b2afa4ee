import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { LOCALES_DIR, loadResources } from "../../src/i18n/create-i18n.ts";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

const resources = loadResources();

test("both languages have the same namespaces", () => {
  expect(readdirSync(`${LOCALES_DIR}/id`).sort()).toEqual(readdirSync(`${LOCALES_DIR}/en`).sort());
});

test.each(Object.keys(resources.id))("namespace %s has every key in both languages, none empty", (ns) => {
  const id = keys(resources.id[ns]).sort();
  const en = keys(resources.en[ns]).sort();
  expect(
    id.filter((k) => !en.includes(k)),
    "keys missing in locales/en",
  ).toEqual([]);
  expect(
    en.filter((k) => !id.includes(k)),
    "keys missing in locales/id",
  ).toEqual([]);
  const empty = (lng: "id" | "en") =>
    keys(resources[lng][ns]).filter(
      (k) => String(k.split(".").reduce<any>((o, p) => o?.[p], resources[lng][ns])).trim() === "",
    );
  expect(empty("id")).toEqual([]);
  expect(empty("en")).toEqual([]);
});

test("interpolation variables match between the languages", () => {
  for (const ns of Object.keys(resources.id)) {
    for (const key of keys(resources.id[ns])) {
      const get = (lng: "id" | "en") => String(key.split(".").reduce<any>((o, p) => o?.[p], resources[lng][ns]) ?? "");
      const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      expect(vars(get("en")), `${ns}:${key}`).toEqual(vars(get("id")));
    }
  }
});

test("every console error key the code names (CaseworkError's message keys) is in both languages", async () => {
  const named = new Set<string>();
  const files = readdirSync("src", { recursive: true, encoding: "utf8" }).filter(
    (f) => /\.tsx?$/.test(f) && !f.includes("generated"),
  );
  for (const file of files) {
    for (const match of readFileSync(`src/${file}`, "utf8").matchAll(/"(errors\.[a-z_]+(?:\.[a-z_]+)*)"/g))
      named.add(match[1]!);
  }
  expect(named.size).toBeGreaterThan(10);
  const has = (lng: "id" | "en", key: string) =>
    typeof key.split(".").reduce<any>((o, p) => o?.[p], resources[lng].console) === "string";
  for (const lng of ["id", "en"] as const)
    expect(
      [...named].filter((key) => !has(lng, key)),
      `missing in locales/${lng}/console.json`,
    ).toEqual([]);
});
