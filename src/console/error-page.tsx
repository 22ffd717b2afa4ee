import type { Caseworker } from "../db/generated/client.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { Layout, type Tr } from "./layout.tsx";

/** A friendly error: what happened, in the caseworker's language, and a way back. */
export function ErrorPage(props: {
  tr: Tr;
  lang: Locale;
  message: string;
  caseworker?: Caseworker;
  csrf?: string;
  back?: string;
}) {
  return (
    <Layout
      tr={props.tr}
      lang={props.lang}
      title={props.tr("errors.title")}
      page="error"
      {...(props.caseworker ? { caseworker: props.caseworker } : {})}
      {...(props.csrf ? { csrf: props.csrf } : {})}
    >
      <div class="card stack">
        <h1>{props.tr("errors.title")}</h1>
        <p role="alert">{props.message}</p>
        <p>
          <a href={props.back ?? "/console/queue"}>{props.tr("errors.back")}</a>
        </p>
      </div>
    </Layout>
  );
}
