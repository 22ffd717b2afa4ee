import { Hono, type Context } from "hono";
import { z } from "zod";
import type { CaseworkContext } from "../casework/casework-context.ts";
import { CaseworkError } from "../casework/casework-error.ts";
import { listPartners } from "../casework/list-partners.ts";
import { savePartner } from "../casework/save-partner.ts";
import { PartnersPage } from "./admin-pages.tsx";
import { PartnerForm } from "./casework-action-forms.ts";
import type { ConsoleEnv } from "./console-env.ts";
import type { OwnConsoleTools } from "./console-tools.ts";

/** The partner organisations: everyone sees the list; saving one needs partners.manage (checked by the verb). */
export function createPartnerRoutes(tools: Pick<OwnConsoleTools, "db" | "ctxOf" | "page" | "flash" | "form">) {
  const app = new Hono<ConsoleEnv>();

  app.get("/partners", async (c) => {
    const partners = await listPartners(tools.db, { activeOnly: false, activeFirst: true });
    const fl = tools.flash(c);
    return c.html(<PartnersPage {...tools.page(c)} partners={partners} {...(fl ? { flash: fl } : {})} />);
  });
  const partnerFromForm = (c: Context<ConsoleEnv>) => tools.form(c, PartnerForm);
  app.post("/partners", async (c) => {
    await savePartnerChecked(tools.ctxOf(c), await partnerFromForm(c));
    return c.redirect("/console/partners?done=partner_saved", 303);
  });
  app.post("/partners/:id", async (c) => {
    await savePartnerChecked(tools.ctxOf(c), { ...(await partnerFromForm(c)), id: c.req.param("id") });
    return c.redirect("/console/partners?done=partner_saved", 303);
  });

  return app;
}

async function savePartnerChecked(ctx: CaseworkContext, input: Parameters<typeof savePartner>[1]) {
  try {
    return await savePartner(ctx, input);
  } catch (error) {
    if (error instanceof z.ZodError)
      throw new CaseworkError("invalid", "Check the partner's fields.", "errors.invalid");
    throw error;
  }
}
