import { createTestLentera } from "./create-test-lentera.ts";

/** The whole app listening on a random local port with a fresh database, for browser tests. */
export async function startAppServer(options: { env?: Record<string, string> } = {}) {
  const lentera = await createTestLentera({ ...options, listen: true });
  return { url: lentera.url as string, lentera, close: () => lentera.close() };
}
