import type { Context, Hono } from "hono";
import { z } from "zod";
import { CaseworkError } from "../casework/casework-error.ts";
import { addHelpLine, HelpLineAction, HelpLineEdit, NewHelpLine, saveHelpLine } from "../casework/save-help-line.ts";
import { listHelpLines } from "../domain/contacts/help-line-book.ts";
import { visibilityOf } from "../domain/contacts/help-line.ts";
import { countryLabel } from "./country-label.ts";
import type { Translate } from "../i18n/create-i18n.ts";
import type { ConsoleEnv } from "./console-env.ts";
import type { Tr } from "./layout.tsx";
import { HelpLinesPage } from "./help-lines-page.tsx";
import type { ConsoleTools } from "./console-tools.ts";

const COUNTRY = /^[A-Z]{2}$/;
const LINE_ID = /^[A-Za-z0-9_.:-]{1,80}$/;

/** The edit form as posted: empty fields are "none". */
const EditForm = z.object({
  nameId: z.string().optional(),
  nameEn: z.string().optional(),
  kind: z.string().optional(),
  phone: z.string().optional(),
  phoneFromAbroad: z.string().optional(),
  whatsapp: z.string().optional(),
  hours: z.string().optional(),
  source: z.string().optional(),
  position: z.string().optional(),
  action: z.string().optional(),
  country: z.string().optional(),
  audience: z.string().optional(),
});
type EditForm = z.infer<typeof EditForm>;

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

function toEdit(body: EditForm): HelpLineEdit {
  const parsed = HelpLineEdit.safeParse({
    nameId: body.nameId,
    nameEn: body.nameEn,
    kind: body.kind,
    phone: orNull(body.phone),
    phoneFromAbroad: orNull(body.phoneFromAbroad),
    whatsapp: orNull(body.whatsapp),
    hours: orNull(body.hours),
    source: orNull(body.source),
    position: body.position?.trim() || "100",
  });
  if (!parsed.success)
    throw new CaseworkError("invalid", "Check the line's name and numbers.", "errors.help_line_invalid");
  return parsed.data;
}

/**
 * The help lines' page for admins (issue #11 item 3): under /console/admin, so the console's admin check
 * already guards it. After a change the bot's snapshot is read again at once (`refresh`), so the next person
 * is given the line as the admin left it.
 */
export function mountHelpLineRoutes(
  app: Hono<ConsoleEnv>,
  tools: ConsoleTools & { t: Translate; helpLines?: { refresh(): Promise<void> } },
): void {
  const th =
    (c: Context<ConsoleEnv>): Tr =>
    (key, vars) =>
      tools.t(c.get("lang"), `help_lines:${key}`, vars);
  const back = (country: string | undefined, id?: string) =>
    `/console/admin/help-lines?done=help_line_saved${country ? `&country=${country}` : ""}${id ? `#line-${id}` : ""}`;

  app.get("/admin/help-lines", async (c) => {
    const wanted = (c.req.query("country") ?? "").trim().toUpperCase();
    const country = COUNTRY.test(wanted) ? wanted : undefined;
    const all = await listHelpLines(tools.db);
    const lang = c.get("lang");
    const nameOf = (code: string) => countryLabel(code, lang === "en" ? "en" : "id");
    const countries = [...new Set(all.map((l) => l.country))]
      .map((code) => ({ code, name: nameOf(code) }))
      .sort((a, b) => (a.code === "ID" ? -1 : b.code === "ID" ? 1 : a.name.localeCompare(b.name)));
    const done = c.req.query("done") === "help_line_saved" ? th(c)("flash.saved") : undefined;
    return c.html(
      <HelpLinesPage
        {...tools.page(c)}
        th={th(c)}
        lines={country ? all.filter((l) => l.country === country) : all}
        countries={countries}
        {...(country ? { country } : {})}
        unconfirmedShown={all.filter((l) => visibilityOf(l) === "public_sources").length}
        nameOf={nameOf}
        {...(done ? { flash: done } : {})}
      />,
    );
  });

  app.post("/admin/help-lines/:id", async (c) => {
    const id = c.req.param("id");
    if (!LINE_ID.test(id)) throw new CaseworkError("not_found", "No such help line.", "errors.not_found");
    const body = await tools.form(c, EditForm);
    const action = HelpLineAction.safeParse(body.action ?? "save");
    if (!action.success) throw new CaseworkError("invalid", "Unknown action.", "errors.invalid");
    // hiding or showing again needs no valid edit: a line with a broken number can still be taken down
    const edit = action.data === "hide" || action.data === "unhide" ? undefined : toEdit(body);
    const line = await saveHelpLine(tools.ctxOf(c), { id, action: action.data, ...(edit ? { edit } : {}) });
    await tools.helpLines?.refresh();
    return c.redirect(back(line.country, line.id), 303);
  });

  app.post("/admin/help-lines", async (c) => {
    const body = await tools.form(c, EditForm);
    const where = NewHelpLine.safeParse({ country: body.country ?? "", audience: body.audience ?? "" });
    if (!where.success)
      throw new CaseworkError("invalid", "Give a two-letter country code.", "errors.help_line_invalid");
    const line = await addHelpLine(tools.ctxOf(c), { ...where.data, edit: toEdit(body) });
    await tools.helpLines?.refresh();
    return c.redirect(back(line.country, line.id), 303);
  });
}
