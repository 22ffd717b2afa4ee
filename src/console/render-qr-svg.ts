import { encode } from "uqr";

/**
 * The WhatsApp linking QR code as an inline SVG for the admin console (no image service, no script): one
 * path of dark modules on a white square with a 4-module quiet zone. Show it to admins only.
 *
 * @example c.html(`<div class="qr">${renderQrSvg(status.qr)}</div>`)
 */
export function renderQrSvg(payload: string, options: { sizePx?: number; title?: string } = {}): string {
  const modules = encode(Array.from(new TextEncoder().encode(payload)), { ecc: "L", boostEcc: false, border: 0 }).data;
  const quiet = 4;
  const extent = modules.length + quiet * 2;
  let path = "";
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }),
  );
  const size = options.sizePx ?? 264;
  const title = options.title ? `<title>${escapeXml(options.title)}</title>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${extent} ${extent}" width="${size}" height="${size}" shape-rendering="crispEdges" role="img">${title}<rect width="${extent}" height="${extent}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
