import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/i18n/create-i18n.ts";

/**
 * `t` keeps renderings it has made (the console asks for the same labels thousands of times a page): what it
 * returns must stay exactly what i18next renders, for every variable, and a missing key is reported every time.
 */
describe("renderings kept by t", () => {
  it("renders each set of variables as i18next does, however often it is asked", () => {
    const { t, instance } = createI18n();
    for (let round = 0; round < 3; round++) {
      for (const count of [1, 2, 5]) {
        for (const locale of ["id", "en"] as const) {
          expect(t(locale, "console:queue.count_open", { count })).toBe(
            instance.t("console:queue.count_open", { lng: locale, count }),
          );
        }
      }
      expect(t("en", "console:ticket.indicator_name", { id: "FL-01-documents" })).toBe(
        instance.t("console:ticket.indicator_name", { lng: "en", id: "FL-01-documents" }),
      );
      expect(t("id", "console:ticket.indicator_name", { id: "FL-04-movement" })).toBe(
        instance.t("console:ticket.indicator_name", { lng: "id", id: "FL-04-movement" }),
      );
    }
    expect(t("en", "console:queue.count_open", { count: 1 })).not.toBe(
      t("en", "console:queue.count_open", { count: 2 }),
    );
  });

  it("a name or a number with spaces renders right each time", () => {
    const { t, instance } = createI18n();
    const key = "console:queue.pager.page";
    for (const page of ["Siti Aminah", "+62 812 3456", "Siti Aminah"]) {
      expect(t("id", key, { page })).toBe(instance.t(key, { lng: "id", page }));
    }
  });

  it("reports a missing key on every call", () => {
    const missing: string[] = [];
    const { t } = createI18n({ onMissing: (locale, key) => missing.push(`${locale}:${key}`) });
    t("id", "console:no.such.key");
    t("id", "console:no.such.key");
    expect(missing).toEqual(["id:console:no.such.key", "id:console:no.such.key"]);
  });
});
