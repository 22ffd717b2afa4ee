import type { Api } from "grammy";
import type { Locale, Translate } from "../../i18n/create-i18n.ts";

/** The commands shown in Telegram's menu; the same names work in both languages (decode-update.ts). */
export const BOT_COMMANDS = ["start", "menu", "bahasa", "help", "hapus"] as const;

/**
 * Registers the command menu in Indonesian (also the default, for any other app language) and English,
 * so the descriptions match the language of the person's Telegram app.
 */
export async function setBotCommands(api: Api, t: Translate): Promise<void> {
  const commands = (locale: Locale) =>
    BOT_COMMANDS.map((command) => ({ command, description: t(locale, `telegram:commands.${command}`) }));
  await api.setMyCommands(commands("id"));
  await api.setMyCommands(commands("id"), { language_code: "id" });
  await api.setMyCommands(commands("en"), { language_code: "en" });
}
