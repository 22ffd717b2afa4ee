import type { Db } from "../../db/create-prisma-client.ts";

/**
 * An EXAMPLE directory, written on first start when the table is empty, so the console works out of the
 * box. It is not a list of real agreements: replace it with your own partners (README "Console").
 * Services use the needs vocabulary of the screening flow; provinces are Indonesian province names.
 */
export const EXAMPLE_PARTNERS = [
  {
    name: "[Contoh] Rumah aman / shelter",
    services: ["shelter", "counselling", "health"],
    provinces: ["DKI Jakarta", "Jawa Barat"],
    contact: "ganti-dengan-kontak@example.org",
  },
  {
    name: "[Contoh] Bantuan hukum / legal aid",
    services: ["legal"],
    provinces: ["Nusa Tenggara Timur", "Nusa Tenggara Barat"],
    contact: "ganti-dengan-kontak@example.org",
  },
  {
    name: "[Contoh] Pemulangan & reintegrasi / return & reintegration",
    services: ["going_home", "livelihood", "education", "family_counselling"],
    provinces: ["Jawa Timur", "Jawa Tengah"],
    contact: "ganti-dengan-kontak@example.org",
  },
  {
    name: "[Contoh] Pendampingan / escort & case support",
    services: ["escort", "counselling"],
    provinces: ["Kalimantan Barat", "Kepulauan Riau", "Sumatera Utara"],
    contact: "ganti-dengan-kontak@example.org",
  },
] as const;

/** Seeds the example partners when there are none; returns how many were written. */
export async function seedPartners(db: Db): Promise<number> {
  if ((await db.partner.count()) > 0) return 0;
  const result = await db.partner.createMany({
    data: EXAMPLE_PARTNERS.map((p) => ({ ...p, services: [...p.services], provinces: [...p.provinces] })),
  });
  return result.count;
}
