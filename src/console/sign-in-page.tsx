import type { Locale } from "../i18n/create-i18n.ts";
import { Layout, type Tr } from "./layout.tsx";

/** Email + password. Every failure shows the same message: nobody learns which accounts exist. */
export function SignInPage(props: {
  tr: Tr;
  lang: Locale;
  csrf: string;
  message?: "invalid" | "throttled" | "expired" | "signed_out" | "password_set";
  email?: string;
}) {
  const { tr } = props;
  return (
    <Layout tr={tr} lang={props.lang} title={tr("sign_in.title")} page="sign-in">
      <div class="card signin stack">
        <h1>{tr("sign_in.title")}</h1>
        {props.message ? (
          <p
            class={props.message === "signed_out" || props.message === "password_set" ? "flash" : "flash error"}
            role="alert"
          >
            {tr(`sign_in.${props.message}`)}
          </p>
        ) : null}
        <form method="post" action="/console/sign-in" class="stack">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <div class="stack">
            <label for="email">{tr("sign_in.email")}</label>
            <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ""} />
          </div>
          <div class="stack">
            <label for="password">{tr("sign_in.password")}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit">{tr("sign_in.submit")}</button>
        </form>
        <form method="post" action="/console/language" class="row">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="lang" value={props.lang === "id" ? "en" : "id"} />
          <button class="link" type="submit">
            {props.lang === "id" ? "English" : "Bahasa Indonesia"}
          </button>
        </form>
        <p class="small muted">{tr("sign_in.help")}</p>
      </div>
    </Layout>
  );
}
