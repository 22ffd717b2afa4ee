import type { TranscriptMessage } from "../conversations/list-messages.ts";
import { displayOf } from "../domain/media/sniff-media-type.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { formatDateTime, type Tr } from "./layout.tsx";

/**
 * Transcript items (also sent alone to the page's live update). Text is escaped by JSX. `reference`: the
 * ticket, whose media route serves the person's files (shown, played or offered as a download).
 */
export function TranscriptItems(props: { tr: Tr; lang: Locale; messages: TranscriptMessage[]; reference?: string }) {
  return (
    <>
      {props.messages.map((m) => (
        <li class={`msg msg-${m.author}`} data-author={m.author}>
          <span class="who">
            {props.tr(`authors.${m.author}`)} · {formatDateTime(props.lang, new Date(m.createdAt))}
          </span>
          {m.withheld ? (
            <em>{props.tr("ticket.withheld")}</em>
          ) : m.media ? (
            <MediaItem tr={props.tr} media={m.media} {...(props.reference ? { reference: props.reference } : {})} />
          ) : (
            m.text
          )}
          {m.choices?.length ? <span class="who">[{m.choices.map((c) => c.label).join(" | ")}]</span> : null}
        </li>
      ))}
    </>
  );
}

/** How long the live view waits for a file still arriving (usually seconds) before showing it as arriving. */
export const HOLD_ARRIVING_FILE_MS = 30_000;

/**
 * The messages the live view shows now: up to the first file that is still arriving and younger than
 * HOLD_ARRIVING_FILE_MS, so that the caseworker gets the player or the picture, not a placeholder that
 * stays (the live view only adds messages); the next look brings it and what followed.
 */
export function readyForLiveView(messages: TranscriptMessage[], now: Date): TranscriptMessage[] {
  const arriving = messages.findIndex(
    (m) => m.media?.file?.status === "pending" && now.getTime() - Date.parse(m.createdAt) < HOLD_ARRIVING_FILE_MS,
  );
  return arriving === -1 ? messages : messages.slice(0, arriving);
}

const KINDS = new Set(["photo", "document", "voice", "video", "other"]);

/** A file in the transcript: the player, the picture or a download link, or what became of it. */
function MediaItem(props: { tr: Tr; media: NonNullable<TranscriptMessage["media"]>; reference?: string }) {
  const { tr, media } = props;
  const kind = tr(`ticket.media_file.kind.${KINDS.has(media.kind) ? media.kind : "other"}`);
  const file = media.file;
  if (!file || !props.reference)
    return <em>{file ? tr("ticket.media", { kind }) : tr("ticket.media_file.gone", { kind })}</em>;
  if (file.status === "pending")
    return <em data-media-status="pending">{tr("ticket.media_file.pending", { kind })}</em>;
  if (file.status === "refused")
    return (
      <em data-media-status="refused">
        {tr(
          `ticket.media_file.refused_${file.reason === "count_limit" || file.reason === "bytes_limit" ? file.reason : "too_large"}`,
          { kind },
        )}
      </em>
    );
  if (file.status === "failed") return <em data-media-status="failed">{tr("ticket.media_file.failed", { kind })}</em>;
  const src = `/console/tickets/${encodeURIComponent(props.reference)}/media/${file.id}`;
  const display = displayOf(file.mimeType ?? "");
  const label = `${kind} (${formatSize(file.size ?? 0)})`;
  switch (display) {
    case "audio":
      return (
        <figure class="media" data-media-status="stored">
          <figcaption>{label}</figcaption>
          <audio controls preload="metadata" src={src}>
            {tr("ticket.media_file.not_played")}
          </audio>
        </figure>
      );
    case "video":
      return (
        <figure class="media" data-media-status="stored">
          <figcaption>{label}</figcaption>
          <video controls preload="metadata" src={src}>
            {tr("ticket.media_file.not_played")}
          </video>
        </figure>
      );
    case "image":
      return (
        <figure class="media" data-media-status="stored">
          <a href={src} target="_blank" rel="noopener noreferrer">
            <img src={src} alt={label} loading="lazy" />
          </a>
        </figure>
      );
    case "download":
      return (
        <a class="media-download" data-media-status="stored" href={`${src}?download=1`}>
          {tr("ticket.media_file.download", { kind, size: formatSize(file.size ?? 0) })}
        </a>
      );
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
