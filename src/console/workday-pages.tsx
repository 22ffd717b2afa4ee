import type { CannedReply, Caseworker } from "../db/generated/client.ts";
import { MIN_PASSWORD_LENGTH } from "../casework/hash-password.ts";
import type { Locale, Translate } from "../i18n/create-i18n.ts";
import { Csrf, Layout, type Tr } from "./layout.tsx";

type SignedIn = { tr: Tr; tw: Tr; lang: Locale; caseworker: Caseworker; csrf: string; back?: string; flash?: string };

/** Admins: the canned replies caseworkers can insert into a reply, in both languages. */
export function CannedRepliesPage(props: SignedIn & { replies: CannedReply[] }) {
  const { tr, tw } = props;
  const fields = (reply?: CannedReply) => (
    <>
      <label>
        {tw("canned.title_label")}
        <input name="title" required minlength={2} maxlength={120} value={reply?.title ?? ""} />
      </label>
      <label>
        {tw("canned.text_id")}
        <textarea name="textId" required maxlength={4000}>
          {reply?.textId ?? ""}
        </textarea>
      </label>
      <label>
        {tw("canned.text_en")}
        <textarea name="textEn" required maxlength={4000}>
          {reply?.textEn ?? ""}
        </textarea>
      </label>
      <label class="inline">
        <input type="checkbox" name="active" value="1" checked={reply ? reply.active : true} /> {tw("canned.active")}
      </label>
    </>
  );
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tw("canned.title")}
      page="canned"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      {props.flash ? <p class="flash">{props.flash}</p> : null}
      <h1>{tw("canned.title")}</h1>
      <p class="muted">{tw("canned.intro")}</p>
      <p class="small">
        {tw("canned.placeholders", {
          reference: "{{reference}}",
          contacts: "{{contacts}}",
          caseworker: "{{caseworker}}",
        })}
      </p>
      {props.replies.map((reply) => (
        <details class="card">
          <summary>
            {reply.title} {reply.active ? null : <span class="badge">{tw("canned.inactive")}</span>}
          </summary>
          <form method="post" action={`/console/admin/canned/${reply.id}`} class="stack">
            <Csrf token={props.csrf} />
            {fields(reply)}
            <button type="submit" class="secondary">
              {tr("ticket.save")}
            </button>
          </form>
        </details>
      ))}
      <section class="card stack" aria-labelledby="h-new-canned">
        <h2 id="h-new-canned">{tw("canned.new")}</h2>
        <form method="post" action="/console/admin/canned" class="stack">
          <Csrf token={props.csrf} />
          {fields()}
          <button type="submit">{tw("canned.add")}</button>
        </form>
      </section>
    </Layout>
  );
}

/** The picker above the reply box: choosing a canned reply reloads the page with it filled in. */
export function CannedReplyPicker(props: { tw: Tr; reference: string; replies: Pick<CannedReply, "id" | "title">[] }) {
  if (props.replies.length === 0) return null;
  return (
    <form method="get" action={`/console/tickets/${props.reference}`} class="row">
      <label>
        {props.tw("canned.pick")}
        <select name="canned">
          {props.replies.map((reply) => (
            <option value={reply.id}>{reply.title}</option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        {props.tw("canned.insert")}
      </button>
    </form>
  );
}

/** The invitation form on the accounts page (admins). */
export function InviteForm(props: { tr: Tr; tw: Tr; csrf: string }) {
  const { tr, tw } = props;
  return (
    <section class="card stack" aria-labelledby="h-invite">
      <h2 id="h-invite">{tw("accounts.invite")}</h2>
      <p class="small muted">{tw("accounts.invite_help")}</p>
      <form method="post" action="/console/admin/invitations" class="stack">
        <Csrf token={props.csrf} />
        <label>
          {tr("accounts.name")}
          <input name="name" required maxlength={120} />
        </label>
        <label>
          {tr("accounts.email")}
          <input name="email" type="email" required maxlength={320} />
        </label>
        <label>
          {tr("accounts.role")}
          <select name="role">
            {(["caseworker", "supervisor", "admin"] as const).map((role) => (
              <option value={role}>{tr(`roles.${role}`)}</option>
            ))}
          </select>
        </label>
        <button type="submit">{tw("accounts.invite_submit")}</button>
      </form>
    </section>
  );
}

/** Per-account actions for admins: reset the password (a one-time link) and sign out everywhere. */
export function AccountActions(props: { tw: Tr; csrf: string; account: Pick<Caseworker, "id" | "name"> }) {
  return (
    <div class="row">
      <form method="post" action={`/console/admin/accounts/${props.account.id}/reset`}>
        <Csrf token={props.csrf} />
        <button type="submit" class="link">
          {props.tw("accounts.reset")}
        </button>
      </form>
      <form method="post" action={`/console/admin/accounts/${props.account.id}/sign-out`}>
        <Csrf token={props.csrf} />
        <button type="submit" class="link">
          {props.tw("accounts.sign_out_everywhere")}
        </button>
      </form>
    </div>
  );
}

/** Shown once to the admin: the one-time link to hand to the person (by a channel the admin trusts). */
export function OneTimeLinkPage(props: SignedIn & { purpose: "invite" | "reset"; name: string; url: string }) {
  const { tr, tw } = props;
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tw(`link.${props.purpose}_title`)}
      page="accounts"
      caseworker={props.caseworker}
      csrf={props.csrf}
    >
      <h1>{tw(`link.${props.purpose}_title`)}</h1>
      <p>{tw(`link.${props.purpose}_intro`, { name: props.name })}</p>
      <p>
        <input class="one-time-link" type="text" readonly value={props.url} aria-label={tw("link.label")} size={60} />
      </p>
      <p class="warn">{tw("link.once")}</p>
      <p>
        <a href="/console/admin/accounts">{tw("link.back")}</a>
      </p>
    </Layout>
  );
}

/** The caseworker's own account: change the password. */
export function MyAccountPage(props: SignedIn & { message?: "changed" | "wrong_password" | "weak_password" }) {
  const { tr, tw } = props;
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tw("me.title")}
      page="account"
      caseworker={props.caseworker}
      csrf={props.csrf}
      back="/console/account"
    >
      <h1>{tw("me.title")}</h1>
      <p>
        {props.caseworker.name} · {props.caseworker.email} · {tr(`roles.${props.caseworker.role}`)}
      </p>
      {props.message ? (
        <p class={props.message === "changed" ? "flash" : "error"} role="status">
          {tw(`me.${props.message}`, { min: MIN_PASSWORD_LENGTH })}
        </p>
      ) : null}
      <section class="card stack" aria-labelledby="h-password">
        <h2 id="h-password">{tw("me.change_password")}</h2>
        <form method="post" action="/console/account/password" class="stack">
          <Csrf token={props.csrf} />
          <label>
            {tw("me.current")}
            <input type="password" name="current" required autocomplete="current-password" maxlength={200} />
          </label>
          <label>
            {tw("me.new")}
            <input
              type="password"
              name="next"
              required
              minlength={MIN_PASSWORD_LENGTH}
              maxlength={200}
              autocomplete="new-password"
            />
          </label>
          <button type="submit">{tw("me.save")}</button>
        </form>
      </section>
    </Layout>
  );
}

/** The page behind a one-time link: the invited (or reset) person chooses a password. */
export function SetPasswordPage(props: {
  tr: Tr;
  tw: Tr;
  lang: Locale;
  csrf: string;
  token: string;
  link: { purpose: "invite" | "reset"; name: string; email: string } | null;
  message?: "weak_password";
}) {
  const { tr, tw } = props;
  return (
    <Layout tr={tr} lang={props.lang} title={tw("welcome.title")} page="welcome">
      <h1>{tw("welcome.title")}</h1>
      {props.link === null ? (
        <p class="error" role="alert">
          {tw("welcome.invalid")}
        </p>
      ) : (
        <section class="card stack">
          <p>{tw(`welcome.${props.link.purpose}_intro`, { name: props.link.name, email: props.link.email })}</p>
          {props.message ? (
            <p class="error" role="alert">
              {tw(`me.${props.message}`, { min: MIN_PASSWORD_LENGTH })}
            </p>
          ) : null}
          <form method="post" action={`/console/welcome/${props.token}`} class="stack">
            <Csrf token={props.csrf} />
            <label>
              {tw("me.new")}
              <input
                type="password"
                name="password"
                required
                minlength={MIN_PASSWORD_LENGTH}
                maxlength={200}
                autocomplete="new-password"
              />
            </label>
            <button type="submit">{tw("welcome.submit")}</button>
          </form>
        </section>
      )}
    </Layout>
  );
}

/** Under each referral on the ticket page: how it reaches the partner, its printable form, a retry. */
export function ReferralDispatch(props: {
  t: Translate;
  lang: Locale;
  csrf: string;
  reference: string;
  referral: { id: string; dispatch: string; dispatchedAt: Date | null; dispatchError: string | null; consent: boolean };
  canRefer: boolean;
}) {
  const r = (key: string, vars?: Record<string, string>) => props.t(props.lang, `referral:${key}`, vars);
  const { referral } = props;
  const state = ["by_hand", "pending", "sent", "failed"].includes(referral.dispatch) ? referral.dispatch : "by_hand";
  return (
    <div class="small row" data-dispatch={state}>
      <span>
        {r(`dispatch.${state}`, {
          date: referral.dispatchedAt
            ? referral.dispatchedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC"
            : "",
          error: referral.dispatchError ?? "",
        })}
      </span>
      {props.canRefer ? (
        <a href={`/console/tickets/${props.reference}/referrals/${referral.id}/form`}>{r("form_link")}</a>
      ) : null}
      {props.canRefer && state === "failed" ? (
        <form
          method="post"
          action={`/console/tickets/${props.reference}/referrals/${referral.id}/resend`}
          class="inline"
        >
          <Csrf token={props.csrf} />
          <button type="submit" class="link">
            {r("resend")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
