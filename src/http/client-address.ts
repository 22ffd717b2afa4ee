import { BlockList, isIP } from "node:net";
import type { Context } from "hono";
import type { TrustProxy } from "../config/env.ts";

/**
 * The address a request came from, for per-address limits. By default the socket's own address: a client
 * cannot choose it, so rotating `X-Forwarded-For` changes nothing. Only with `TRUST_PROXY` is the header read,
 * from the right (the entries our own proxies appended), stopping at the first address that is not a trusted
 * proxy — so whatever a client writes at the left of the header is never believed.
 *
 * @example TRUST_PROXY=1 behind nginx: "X-Forwarded-For: <spoof>, 203.0.113.7" from 10.0.0.2 → 203.0.113.7
 */
export function clientAddress(c: Context, trust: TrustProxy = { type: "off" }): string {
  const socket = normalize(socketAddress(c) ?? "unknown");
  if (trust.type === "off") return socket;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => normalize(entry.trim()))
    .filter((entry) => isIP(entry) !== 0);
  const chain = [...forwarded, socket];
  if (trust.type === "hops") return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  const proxies = toBlockList(trust.addresses);
  let index = chain.length - 1;
  while (index > 0 && isTrusted(proxies, chain[index]!)) index -= 1;
  return chain[index]!;
}

/** The remote address of the TCP connection (@hono/node-server puts the request's socket in `c.env`). */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is 10.0.0.1. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address.toLowerCase();
}

const lists = new WeakMap<string[], BlockList>();

function toBlockList(addresses: string[]): BlockList {
  const cached = lists.get(addresses);
  if (cached) return cached;
  const list = new BlockList();
  for (const entry of addresses) {
    const [ip, bits] = entry.split("/");
    const type = isIP(ip!) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(normalize(ip!), type);
    else list.addSubnet(normalize(ip!), Number(bits), type);
  }
  lists.set(addresses, list);
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const type = isIP(address);
  return type !== 0 && list.check(address, type === 6 ? "ipv6" : "ipv4");
}
