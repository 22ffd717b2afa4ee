// Server text becomes DOM text nodes (never HTML); phone numbers in a help line become links.

/** Phone numbers in a help line become tel: links, WhatsApp numbers wa.me links; the rest stays text. */
export function linkify(text) {
  const nodes = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    if (index > 0) nodes.push(document.createTextNode("\n"));
    const labelled = /^(\s*(?:[^:]{2,30}):\s*)(\+?[\d][\d\s().-]{1,22}\d)(.*)$/.exec(line);
    const inline = labelled
      ? null
      : /^(.*?\b(?:Telepon|telepon|call|Call|hubungi|Hubungi)\s+)(\+?\d[\d\s-]{1,18}\d)(.*)$/.exec(line);
    const match = labelled || inline;
    if (!match) {
      nodes.push(document.createTextNode(line));
      return;
    }
    const digits = match[2].replace(/[^\d+]/g, "");
    const link = document.createElement("a");
    link.textContent = match[2];
    const whatsapp = /whatsapp|\bwa\b/i.test(match[1]);
    link.href = whatsapp ? `https://wa.me/${digits.replace(/^\+/, "")}` : `tel:${digits}`;
    if (whatsapp) link.rel = "noreferrer noopener";
    nodes.push(document.createTextNode(match[1]), link, document.createTextNode(match[3]));
  });
  return nodes;
}
