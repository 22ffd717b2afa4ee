import { encode } from "uqr";

/**
 * Renders a QR code for a terminal, so `npm run cli -- whatsapp link` can show WhatsApp's linking code
 * locally (the code must never go to an online QR service: it links a device to the organisation's number).
 * The encoding is uqr's (a maintained, dependency-free encoder); the drawing is ours: two rows per line with
 * half blocks in explicit black and white, so it scans on dark and light terminals alike.
 */
export function renderQrText(payload: string): string {
  const modules = encodeQr(new TextEncoder().encode(payload));
  const quiet = 2;
  const size = modules.length;
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < size && y < size && modules[y]![x]!;
  const lines: string[] = [];
  for (let y = -quiet; y < size + quiet; y += 2) {
    let line = "";
    for (let x = -quiet; x < size + quiet; x++) {
      line += `\x1b[38;5;${dark(x, y) ? 16 : 231};48;5;${dark(x, y + 1) ? 16 : 231}m▀`;
    }
    lines.push(`${line}\x1b[0m`);
  }
  return lines.join("\n");
}

/**
 * The modules (true = dark) of the smallest QR code that holds `data` in byte mode at error correction
 * level L, without the quiet zone (the renderers add their own).
 */
export function encodeQr(data: Uint8Array): boolean[][] {
  return encode(Array.from(data), { ecc: "L", boostEcc: false, border: 0 }).data;
}
