import type { TranscriptMessage } from "../conversations/list-messages.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { formatDateTime, type Tr } from "./layout.tsx";

/** Transcript items (also sent alone to the page's live update). Text is escaped by JSX. */
export function TranscriptItems(props: { tr: Tr; lang: Locale; messages: TranscriptMessage[] }) {
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
            <em>{props.tr("ticket.media", { kind: m.media.kind })}</em>
          ) : (
            m.text
          )}
          {m.choices?.length ? <span class="who">[{m.choices.map((c) => c.label).join(" | ")}]</span> : null}
        </li>
      ))}
    </>
  );
}
