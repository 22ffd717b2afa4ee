import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { newReferenceCode } from "../tickets/reference-code.ts";
import { normalizeRecruiterName } from "../tickets/normalize-recruiter-name.ts";

/** The tag every demo ticket carries: the seeder refuses a database holding a ticket without it. */
export const DEMO_TAG = "demo";

export class RealCasesError extends Error {
  override readonly name = "RealCasesError";
}

/** A small, seeded random source (mulberry32): the same seed makes the same demo data. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(weighted: readonly (readonly [T, number])[]): T => {
    const total = weighted.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of weighted) if ((r -= w) < 0) return value;
    return weighted[weighted.length - 1]![0];
  };
  return { next, pick, chance: (p: number) => next() < p };
}

type Route = {
  country: string;
  sector: string;
  weight: number;
  /** the share of this route's cases by year offset (0 = this year), so trends show */
  trend: [number, number];
  indicators: string[];
  recruitment: readonly (readonly [string, number])[];
  jobAd?: string;
};

const ROUTES: Route[] = [
  {
    country: "Malaysia",
    sector: "domestic_work",
    weight: 14,
    trend: [1, 1],
    indicators: [
      "FL-01-documents",
      "FL-04-movement",
      "FL-05-isolation-phone",
      "FL-02-wages-withheld",
      "FL-11-excessive-hours",
    ],
    recruitment: [
      ["calo_sponsor", 6],
      ["agency", 3],
      ["family_acquaintance", 2],
    ],
  },
  {
    country: "Malaysia",
    sector: "plantation",
    weight: 9,
    trend: [1, 1.1],
    indicators: ["FL-03-debt-bondage", "FL-12-living-conditions", "FL-02-wages-withheld", "VUL-01-visa-status"],
    recruitment: [
      ["calo_sponsor", 6],
      ["family_acquaintance", 3],
    ],
  },
  {
    country: "Malaysia",
    sector: "construction",
    weight: 5,
    trend: [1, 1],
    indicators: ["FL-02-wages-withheld", "DEC-02-wage-deception", "FL-12-living-conditions"],
    recruitment: [
      ["calo_sponsor", 4],
      ["agency", 3],
    ],
  },
  {
    country: "Saudi Arabia",
    sector: "domestic_work",
    weight: 10,
    trend: [1, 1.2],
    indicators: [
      "FL-01-documents",
      "FL-04-movement",
      "FL-06-violence",
      "FL-02-wages-withheld",
      "FL-05-isolation-phone",
    ],
    recruitment: [
      ["calo_sponsor", 7],
      ["agency", 3],
    ],
  },
  {
    country: "Cambodia",
    sector: "scam_compound",
    weight: 12,
    trend: [1.8, 0.8],
    indicators: [
      "PUR-01-forced-criminality",
      "DEC-01-job-deception",
      "FL-01-documents",
      "FL-09-quota-punishment",
      "FL-06-violence",
      "EM-07-ransom",
      "VUL-01-visa-status",
    ],
    recruitment: [
      ["social_media", 8],
      ["family_acquaintance", 2],
    ],
    jobAd: "admin_online",
  },
  {
    country: "Myanmar",
    sector: "scam_compound",
    weight: 6,
    trend: [1.4, 1],
    indicators: [
      "PUR-01-forced-criminality",
      "DEC-01-job-deception",
      "EM-01-held-now",
      "FL-06-violence",
      "EM-07-ransom",
    ],
    recruitment: [
      ["social_media", 8],
      ["calo_sponsor", 2],
    ],
    jobAd: "tourist_visa",
  },
  {
    country: "Laos",
    sector: "scam_compound",
    weight: 2,
    trend: [1.5, 0.8],
    indicators: ["PUR-01-forced-criminality", "DEC-01-job-deception", "FL-01-documents"],
    recruitment: [["social_media", 9]],
    jobAd: "admin_online",
  },
  {
    country: "Taiwan",
    sector: "fishing",
    weight: 7,
    trend: [1, 1],
    indicators: [
      "FL-14-fishing-vessel",
      "FL-02-wages-withheld",
      "FL-11-excessive-hours",
      "FL-06-violence",
      "DEC-04-fees-and-loans",
    ],
    recruitment: [
      ["agency", 7],
      ["calo_sponsor", 3],
    ],
  },
  {
    country: "South Korea",
    sector: "fishing",
    weight: 3,
    trend: [1, 1],
    indicators: ["FL-14-fishing-vessel", "FL-11-excessive-hours", "DEC-04-fees-and-loans"],
    recruitment: [["agency", 8]],
  },
  {
    country: "Japan",
    sector: "other",
    weight: 3,
    trend: [1.3, 0.9],
    indicators: ["DEC-03-contract", "DEC-04-fees-and-loans", "FL-03-debt-bondage"],
    recruitment: [["agency", 9]],
    jobAd: "lpk_internship",
  },
  {
    country: "Hong Kong",
    sector: "domestic_work",
    weight: 5,
    trend: [1, 1],
    indicators: ["DEC-04-fees-and-loans", "FL-03-debt-bondage", "FL-11-excessive-hours"],
    recruitment: [
      ["agency", 8],
      ["calo_sponsor", 2],
    ],
  },
  {
    country: "United Arab Emirates",
    sector: "domestic_work",
    weight: 4,
    trend: [1, 1],
    indicators: ["FL-01-documents", "FL-04-movement", "VUL-01-visa-status"],
    recruitment: [
      ["calo_sponsor", 6],
      ["social_media", 2],
    ],
    jobAd: "tourist_visa",
  },
  {
    country: "China",
    sector: "marriage",
    weight: 3,
    trend: [1, 1],
    indicators: ["PUR-03-forced-marriage", "DEC-05-romance-marriage-lure", "FL-05-isolation-phone"],
    recruitment: [
      ["family_acquaintance", 5],
      ["calo_sponsor", 4],
    ],
  },
  {
    country: "Indonesia",
    sector: "sex_work",
    weight: 7,
    trend: [1, 1],
    indicators: ["PUR-02-sexual-exploitation", "FL-03-debt-bondage", "FL-04-movement", "DEC-01-job-deception"],
    recruitment: [
      ["social_media", 5],
      ["family_acquaintance", 4],
    ],
  },
  {
    country: "Indonesia",
    sector: "domestic_work",
    weight: 3,
    trend: [1, 1],
    indicators: ["FL-02-wages-withheld", "FL-04-movement"],
    recruitment: [
      ["family_acquaintance", 6],
      ["calo_sponsor", 3],
    ],
  },
  {
    country: "Malaysia",
    sector: "organ_removal",
    weight: 0.3,
    trend: [1, 1],
    indicators: ["PUR-04-organ-removal", "DEC-01-job-deception"],
    recruitment: [
      ["social_media", 5],
      ["calo_sponsor", 5],
    ],
  },
];

const PROVINCES: [string, number][] = [
  ["Jawa Barat", 18],
  ["Jawa Timur", 15],
  ["Jawa Tengah", 13],
  ["Nusa Tenggara Timur", 11],
  ["Nusa Tenggara Barat", 10],
  ["Lampung", 5],
  ["Sumatera Utara", 6],
  ["Sulawesi Selatan", 5],
  ["Kalimantan Barat", 5],
  ["Banten", 4],
  ["DKI Jakarta", 4],
  ["Bali", 2],
];
const PLATFORMS: [string, number][] = [
  ["facebook", 5],
  ["tiktok", 3],
  ["telegram", 2],
  ["instagram", 2],
  ["whatsapp", 2],
];
const RECRUITERS = [
  "PT Maju Jaya Abadi",
  "PT Sinar Harapan Global",
  "LPK Sakura Mandiri",
  "CV Berkah Sentosa",
  "Pak Darto",
  "PT Mitra Kerja Internasional",
  "Golden Fortune Co",
  "PT Cahaya Samudra",
];
const PARTNER_FALLBACK = ["[Contoh] Rumah aman", "[Contoh] Bantuan hukum", "[Contoh] Layanan kesehatan"];

/**
 * `demo seed --tickets N`: N realistic, entirely made-up tickets (routes, sectors, indicators, recruitment,
 * replies, referrals, services) spread over the last two years, for trying the statistics page. Refuses a
 * database that holds any ticket it did not make itself: demo data must never mix with real cases.
 */
export async function seedDemoCases(
  deps: { db: Db; cipher: Cipher; now?: () => Date },
  options: { tickets: number; seed?: number; onProgress?: (done: number) => void },
): Promise<{ tickets: number }> {
  const { db, cipher } = deps;
  const real = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Ticket" WHERE NOT (${DEMO_TAG} = ANY(tags))`;
  if (Number(real[0]!.n) > 0)
    throw new RealCasesError(
      `This database holds ${Number(real[0]!.n)} real tickets: demo data is only seeded into a database without real cases.`,
    );
  const random = randomSource(options.seed ?? 17);
  const now = (deps.now ?? (() => new Date()))();
  const partners = await db.partner.findMany({ select: { id: true, name: true } });
  const partnerIds = partners.length
    ? partners.map((p) => p.id)
    : await Promise.all(
        PARTNER_FALLBACK.map(async (name) => {
          const made = await db.partner.create({
            data: { name, services: ["shelter"], provinces: [], contact: "demo@example.org" },
          });
          return made.id;
        }),
      );
  // References are random: at 50,000 tickets two would collide now and then, so each one is checked.
  const used = new Set((await db.ticket.findMany({ select: { reference: true } })).map((t) => t.reference));
  const reference = () => {
    let code = newReferenceCode();
    while (used.has(code)) code = newReferenceCode();
    used.add(code);
    return code;
  };
  const thisYear = now.getUTCFullYear();
  const batch = 1000;
  let done = 0;
  while (done < options.tickets) {
    const size = Math.min(batch, options.tickets - done);
    const contacts: {
      id: string;
      channel: "web" | "telegram" | "whatsapp";
      channelUserKey: string;
      channelUserEnc: string;
      locale: string;
      createdAt: Date;
    }[] = [];
    const tickets: Prisma.TicketCreateManyInput[] = [];
    const profiles: Prisma.CaseProfileCreateManyInput[] = [];
    const events: Prisma.TicketEventCreateManyInput[] = [];
    const referrals: Prisma.ReferralCreateManyInput[] = [];
    const services: Prisma.TicketServiceCreateManyInput[] = [];
    const mentions: Prisma.RecruiterMentionCreateManyInput[] = [];
    let contact: (typeof contacts)[number] | undefined;
    for (let i = 0; i < size; i++) {
      // about one person in eight has a second ticket
      if (!contact || !random.chance(0.12)) {
        const channel = random.pick([
          ["whatsapp", 55],
          ["telegram", 20],
          ["web", 25],
        ] as const);
        contact = {
          id: crypto.randomUUID(),
          channel,
          channelUserKey: `demo-${crypto.randomUUID()}`,
          channelUserEnc: cipher.encrypt(`demo-${done + i}`),
          locale: random.chance(0.86) ? "id" : "en",
          createdAt: now,
        };
        contacts.push(contact);
      }
      const yearOffset = random.chance(0.55) ? 0 : 1;
      const route = random.pick(ROUTES.map((r) => [r, r.weight * r.trend[yearOffset as 0 | 1]] as const));
      const start = Date.UTC(thisYear - yearOffset, 0, 1);
      const end = yearOffset === 0 ? now.getTime() : Date.UTC(thisYear, 0, 1);
      const createdAt = new Date(start + random.next() * (end - start));
      const child = random.chance(route.sector === "sex_work" ? 0.25 : 0.06);
      const indicators = route.indicators.filter(() => random.chance(0.55));
      if (!indicators.length) indicators.push(route.indicators[0]!);
      if (child) indicators.push("CH-01-under-18");
      const danger = random.chance(route.sector === "scam_compound" ? 0.3 : 0.1);
      if (danger)
        indicators.push(
          random.pick([
            ["EM-01-held-now", 3],
            ["EM-02-injured", 1],
            ["EM-03-death-threat", 1],
          ]),
        );
      const type = danger
        ? "emergency"
        : random.pick([
            ["victim_assistance", 60],
            ["family_tracing", 15],
            ["recruiter_report", 14],
            ["talk_to_person", 8],
          ] as const);
      const priority = danger
        ? "urgent"
        : indicators.length >= 3 || child
          ? "high"
          : random.pick([
              ["normal", 4],
              ["low", 1],
            ] as const);
      const closed = createdAt.getTime() < now.getTime() - 14 * 86_400_000 && random.chance(0.7);
      // nothing is closed or answered in the future (the facts cache follows rows written since its last look)
      const closedAt = closed
        ? new Date(Math.min(now.getTime(), createdAt.getTime() + (1 + random.next() * 90) * 86_400_000))
        : null;
      const id = crypto.randomUUID();
      const origin = random.pick(PROVINCES);
      tickets.push({
        id,
        reference: reference(),
        type,
        priority,
        status: closed
          ? "closed"
          : random.pick([
              ["new", 2],
              ["claimed", 2],
              ["in_progress", 4],
              ["referred", 2],
            ] as const),
        locale: contact.locale,
        channel: contact.channel,
        contactId: contact.id,
        indicatorIds: [...new Set(indicators)],
        risk: danger ? "high" : indicators.length >= 3 ? "medium" : "low",
        emergency: danger,
        child,
        needs: ["shelter", "legal", "going_home", "health", "counselling"].filter(() => random.chance(0.3)),
        country: route.country,
        province: origin,
        outcome: closed
          ? random.pick([
              ["supported", 5],
              ["referred_to_partner", 4],
              ["unreachable", 1],
              ["safe_no_further_help", 2],
            ] as const)
          : null,
        createdAt,
        updatedAt: closedAt ?? createdAt,
        closedAt,
        tags: [DEMO_TAG],
        consentShare: random.chance(0.6),
      });
      const recruitmentChannel = random.chance(0.8) ? random.pick(route.recruitment) : null;
      profiles.push({
        ticketId: id,
        sector: random.chance(0.85) ? route.sector : null,
        recruitmentChannel,
        platform: recruitmentChannel === "social_media" ? random.pick(PLATFORMS) : null,
        jobAdPattern: route.jobAd && random.chance(0.7) ? route.jobAd : null,
        ageBand: random.chance(0.75)
          ? child
            ? random.pick([
                ["12-17", 9],
                ["0-11", 1],
              ] as const)
            : random.pick([
                ["18-24", 4],
                ["25-34", 4],
                ["35-44", 2],
                ["45+", 1],
              ] as const)
          : null,
        gender: random.chance(0.8)
          ? ["fishing", "construction", "scam_compound"].includes(route.sector)
            ? random.pick([
                ["male", 8],
                ["female", 2],
              ] as const)
            : random.pick([
                ["female", 9],
                ["male", 1],
              ] as const)
          : null,
        citizenship: "ID",
        originProvince: origin,
        destinationCountry: route.country,
        createdAt,
      });
      if (random.chance(0.9)) {
        const median = priority === "urgent" ? 20 : priority === "high" ? 120 : 480;
        const minutes = median * Math.exp((random.next() - 0.5) * 2.4);
        events.push({
          ticketId: id,
          type: "message_sent",
          actorType: "caseworker",
          createdAt: new Date(Math.min(now.getTime(), createdAt.getTime() + minutes * 60_000)),
        });
      }
      if (random.chance(0.35)) {
        referrals.push({
          ticketId: id,
          partnerId: partnerIds[Math.floor(random.next() * partnerIds.length)]!,
          status: random.pick([
            ["pending", 2],
            ["accepted", 3],
            ["completed", 4],
            ["declined", 1],
          ] as const),
          consent: random.chance(0.92),
          createdById: "demo",
          createdAt,
        });
      }
      if (random.chance(0.3)) {
        services.push({
          ticketId: id,
          service: random.pick([
            ["shelter", 3],
            ["health", 3],
            ["legal", 2],
            ["return", 3],
            ["counselling", 2],
          ] as const),
          status: random.pick([
            ["planned", 1],
            ["ongoing", 2],
            ["completed", 4],
          ] as const),
          createdById: "demo",
          createdAt,
        });
      }
      if (type === "recruiter_report" || random.chance(0.1)) {
        mentions.push({
          ticketId: id,
          nameKey: normalizeRecruiterName(RECRUITERS[Math.floor(random.next() ** 2 * RECRUITERS.length)]!),
          createdAt,
        });
      }
    }
    // Demo data in batches: one transaction each, with room for a slow shared machine.
    await db.$transaction(
      async (tx) => {
        await tx.contact.createMany({ data: contacts });
        await tx.ticket.createMany({ data: tickets });
        await tx.caseProfile.createMany({ data: profiles });
        await tx.ticketEvent.createMany({ data: events });
        await tx.referral.createMany({ data: referrals });
        await tx.ticketService.createMany({ data: services });
        await tx.recruiterMention.createMany({ data: mentions });
      },
      { maxWait: 60_000, timeout: 300_000 },
    );
    done += size;
    options.onProgress?.(done);
  }
  return { tickets: done };
}
