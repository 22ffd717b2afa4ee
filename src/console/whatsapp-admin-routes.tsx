import { createHash } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { CaseworkError } from "../casework/casework-error.ts";
import type { WhatsAppStatus } from "../channels/whatsapp/types.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { ConsoleEnv } from "./console-env.ts";
import type { OwnConsoleTools } from "./console-tools.ts";
import { RELINKABLE_STATES, WhatsAppPage } from "./whatsapp-page.tsx";

const RelinkForm = z.object({ confirm: z.literal("1") });

/**
 * WhatsApp: the link's state, the QR code to scan while unlinked (it links a device to the organisation's
 * number, so admins only: it is under /admin/*), and relinking. The page reloads itself when the state or
 * the QR code changes.
 */
export function createWhatsAppAdminRoutes(deps: ConsoleDeps, tools: Pick<OwnConsoleTools, "page" | "flash">) {
  const app = new Hono<ConsoleEnv>();
  const whatsappStatus = () => deps.whatsappStatus?.() ?? { state: "disabled" as const };

  app.get("/admin/whatsapp", (c) => {
    const status = whatsappStatus();
    const fl = tools.flash(c);
    const stateLabel = deps.t(c.get("lang"), `whatsapp:status.${status.state}`);
    return c.html(
      <WhatsAppPage
        {...tools.page(c)}
        status={status}
        stateLabel={stateLabel}
        signature={whatsappSignatureOf(status)}
        canRelink={Boolean(deps.relinkWhatsApp)}
        {...(fl ? { flash: fl } : {})}
      />,
    );
  });
  app.get("/admin/whatsapp/poll", (c) => {
    const status = whatsappStatus();
    // The state and a signature only: the QR code itself never leaves the page.
    return c.json({ state: status.state, signature: whatsappSignatureOf(status) });
  });
  app.post("/admin/whatsapp/relink", async (c) => {
    const parsed = RelinkForm.safeParse(await c.req.parseBody());
    if (!parsed.success)
      throw new CaseworkError("invalid", "Tick the box to confirm relinking.", "whatsapp.relink_confirm_missing");
    const status = whatsappStatus();
    if (!deps.relinkWhatsApp || !(RELINKABLE_STATES as readonly string[]).includes(status.state))
      throw new CaseworkError("conflict", "WhatsApp cannot be relinked in this state.", "whatsapp.relink_unavailable");
    await recordAudit(deps.db, {
      actor: { type: "caseworker", id: c.get("caseworker").id },
      action: "whatsapp.relink",
      subjectType: "whatsapp",
      meta: { previousState: status.state },
    });
    await deps.relinkWhatsApp();
    return c.redirect("/console/admin/whatsapp?done=whatsapp_relinked", 303);
  });

  return app;
}

/** What changes on the WhatsApp page when it should reload: the state, the QR code, the last close. */
function whatsappSignatureOf(status: WhatsAppStatus | { state: "disabled" }): string {
  const text =
    status.state === "disabled"
      ? status.state
      : `${status.state}:${status.qr ?? ""}:${status.since}:${status.lastDisconnectCode ?? ""}`;
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}
