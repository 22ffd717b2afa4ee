import { createTestLentera } from "./create-test-lentera.ts";

export type AppServerOptions = Omit<NonNullable<Parameters<typeof createTestLentera>[0]>, "listen">;

/** The whole app listening on a random local port with a fresh database, for browser tests. */
export async function startAppServer(options: AppServerOptions = {}) {
  const lentera = await createTestLentera({ ...options, listen: true });
  return { url: lentera.url as string, lentera, close: () => lentera.close() };
}
