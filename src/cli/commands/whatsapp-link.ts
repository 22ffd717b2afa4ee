import { normalizePhone } from "../../domain/contacts/normalize-phone.ts";
import { renderQrText } from "../../channels/whatsapp/render-qr-text.ts";
import { createI18n, type Locale } from "../../i18n/create-i18n.ts";
import { UsageError, type CliCommand } from "../command.ts";

/**
 * Links Lentera as a device of the organisation's WhatsApp number (README "WhatsApp"): prints the QR code
 * in the terminal, or with `--phone` a pairing code to type on the phone. Messages follow the terminal's
 * language (LANG=id… for Bahasa Indonesia). Exits non-zero when the link did not happen.
 */
export const whatsappLink: CliCommand = {
  group: "whatsapp",
  name: "link",
  usage: "whatsapp link [--phone <number>] [--relink]",
  options: { phone: { type: "string" }, relink: { type: "boolean" } },
  async run(ctx, values) {
    const locale: Locale = /^id/i.test(process.env.LC_ALL || process.env.LANG || "") ? "id" : "en";
    const { t } = createI18n();
    const say = (key: string, vars?: Record<string, string | number>) => ctx.out(t(locale, `whatsapp:${key}`, vars));
    const phone = typeof values.phone === "string" ? normalizePhone(values.phone) : undefined;
    if (phone === null) throw new UsageError(t(locale, "whatsapp:link.bad_phone"));

    // Baileys loads only for this command.
    const { linkWhatsApp } = await import("../../channels/whatsapp/link-whatsapp.ts");
    const result = await linkWhatsApp({
      db: ctx.db,
      cipher: ctx.cipher,
      log: ctx.log,
      phone,
      relink: values.relink === true,
      say: (message) => ("qr" in message ? ctx.out(`\n${renderQrText(message.qr)}\n`) : say(message.key, message.vars)),
    });
    switch (result.status) {
      case "linked":
        return say("link.linked");
      case "already_linked":
        return say("link.already");
      case "busy":
        throw new Error(t(locale, "whatsapp:link.busy"));
      case "failed":
        throw new Error(t(locale, "whatsapp:link.failed", { code: result.code ?? "?" }));
      case "timeout":
        throw new Error(t(locale, "whatsapp:link.timeout"));
    }
  },
};
