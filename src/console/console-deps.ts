import type { TrustProxy } from "../config/env.ts";
import type { ConversationDeps } from "../conversations/handle-inbound.ts";
import type { WhatsAppStatus } from "../channels/whatsapp/types.ts";
import type { Logger } from "../log/create-logger.ts";
import type { StatsService } from "../domain/stats/create-stats-service.ts";

/** What the console is built from (boot/create-app.ts passes it). */
export type ConsoleDeps = Pick<
  ConversationDeps,
  "db" | "cipher" | "t" | "now" | "onOutbound" | "events" | "contacts"
> & {
  log: Logger;
  /** SESSION_IDLE_MINUTES */
  sessionIdleMinutes: number;
  /** PUBLIC_URL: https there means Secure cookies */
  publicUrl?: string;
  /** the health check (database, channels), shown to admins on the settings page */
  checkHealth?: () => Promise<Record<string, unknown>>;
  /** the WhatsApp link's state, and its QR code while unlinked: admins see it at /console/admin/whatsapp */
  whatsappStatus?: () => WhatsAppStatus | { state: "disabled" };
  /** forgets the WhatsApp link and shows a new QR code (the admin page's "relink" form); absent when WhatsApp is off */
  relinkWhatsApp?: () => Promise<void>;
  /** the referral mailer when SMTP_URL is set: referral forms with consent are emailed to partners */
  referrals?: { kick(): unknown };
  /** TRUST_PROXY: whose X-Forwarded-For names the client for sign-in limits (default: nobody's, the socket counts) */
  trustProxy?: TrustProxy;
  /** the statistics (issue #17): privacy rule and case facts, shared with /api/stats */
  stats?: StatsService;
  /** the help lines' table: read again as soon as an admin changes a line */
  helpLines?: { refresh(): Promise<void> };
  /** how often a live stream looks again unwoken (default LIVE_CHECK_MS; tests shorten it) */
  liveCheckMs?: number;
};
