import { css, html, nothing, type TemplateResult } from 'lit';
import { coreStrings, describeError } from '../strings.js';
import type { StaffSession } from './session.js';
import type { StaffStrings } from './strings.js';

type CoreStrings = (typeof coreStrings)['zh-CN'];

/**
 * What a staff element shows instead of its work while the session is not `signed-in`: checking, the sign-in
 * request (the button asks the host page's SSO again through `zw-sign-in-required`), no access with the server's
 * words, and — only when the server offers it — the development sign-in form, marked as such.
 */
export function signInPanel(session: StaffSession, s: StaffStrings, c: CoreStrings, hall: string): TemplateResult {
  if (session.state === 'checking') return html`<p class="sign-in" role="status">${s.checking}</p>`;
  if (session.state === 'forbidden') {
    const said = session.error ? describeError(session.error, c) : s.forbidden(hall);
    return html`<section class="sign-in" aria-labelledby="sign-in-h">
      <h2 id="sign-in-h">${s.forbiddenTitle}</h2>
      <p role="alert">${said}</p>
      <button type="button" @click=${() => session.signOut()}>${s.signOut}</button>
    </section>`;
  }
  const failed = session.error ? html`<p role="alert">${describeError(session.error, c)}</p>` : nothing;
  return html`<section class="sign-in" aria-labelledby="sign-in-h">
    <h2 id="sign-in-h">${s.signInTitle}</h2>
    <p>${s.signInNeeded}</p>
    ${failed}
    <button type="button" class="primary" @click=${() => void session.check(false)}>${s.signIn}</button>
    ${session.devIssuer ? devForm(session, s) : nothing}
  </section>`;
}

function devForm(session: StaffSession, s: StaffStrings): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = (form.elements.namedItem('dev-name') as HTMLInputElement).value.trim();
    session.devSignIn(name).catch(() => {
      form.querySelector('.dev-failed')?.removeAttribute('hidden');
    });
  };
  return html`<form class="dev" @submit=${submit}>
    <fieldset>
      <legend>${s.devTitle}</legend>
      <label for="dev-name">${s.devName}</label>
      <input id="dev-name" name="dev-name" autocomplete="off" maxlength="40" />
      <button type="submit">${s.devSignIn}</button>
      <p class="dev-failed" role="alert" hidden>${s.devFailed}</p>
    </fieldset>
  </form>`;
}

/** The panel's own styles (the element's button styles apply to its buttons). */
export const signInStyles = css`
  .sign-in {
    display: grid;
    gap: var(--_gap);
    max-inline-size: 36rem;
  }
  .sign-in h2 {
    margin: 0;
    font-size: var(--_fs-large);
  }
  .sign-in p {
    margin: 0;
  }
  .dev fieldset {
    display: grid;
    gap: calc(var(--_gap) / 2);
    border: 2px dashed var(--_warning);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  .dev legend {
    color: var(--_warning);
    font-weight: 700;
  }
  .dev input {
    font: inherit;
    min-block-size: var(--_target);
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_bg);
  }
`;
