import type { Hono } from "hono";

/** What one request to the app cost: its status, wall and CPU time (this process, every thread), body size. */
export type Timed = { status: number; ms: number; cpuMs: number; kb: number };

/** The Cookie header of a signed-in console client (test/console/support.ts's consoleClient). */
export const cookieOf = (client: { cookies: Map<string, string> }) =>
  [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

/** Requests `path` through app.request() with `headers` and times it, body read included. */
export async function timeRequest(app: Hono, path: string, headers: Record<string, string>): Promise<Timed> {
  const began = performance.now();
  const cpu = process.cpuUsage();
  const res = await app.request(path, { headers });
  const body = await res.text();
  const used = process.cpuUsage(cpu);
  return {
    status: res.status,
    ms: performance.now() - began,
    cpuMs: (used.user + used.system) / 1000,
    kb: body.length / 1024,
  };
}
