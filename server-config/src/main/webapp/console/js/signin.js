// Sign-in: the organisation's OpenID Connect provider; in development mode also a pasted
// development token, marked as such.
import { startOpenIdSignIn, takeFarewell, useDevelopmentToken } from './auth.js';
import { fill, h, say } from './dom.js';

export function renderSignIn(main, settings, returnTo) {
  const farewell = takeFarewell();
  if (farewell) say(farewell, 'info');
  const choices = [];
  if (settings.openId) {
    choices.push(h('section', { class: 'panel', 'aria-labelledby': 'openid-title' },
      h('h2', { id: 'openid-title' }, 'Sign in with your organisation'),
      h('p', { class: 'muted' }, `Through ${new URL(settings.openId.issuer).host}.`),
      h('button', {
        type: 'button', class: 'primary', id: 'sign-in-openid',
        onclick: async (event) => {
          event.target.disabled = true;
          try {
            await startOpenIdSignIn(settings.openId, returnTo);
          } catch (error) {
            event.target.disabled = false;
            say(error.message, 'error');
          }
        },
      }, 'Sign in')));
  }
  if (settings.developmentTokens) {
    const area = h('textarea', { id: 'dev-token', rows: 4, spellcheck: 'false', autocomplete: 'off' });
    choices.push(h('section', { class: 'panel dev', 'aria-labelledby': 'dev-title' },
      h('h2', { id: 'dev-title' }, 'Development sign-in'),
      h('p', {}, 'Development mode only: paste a token minted with ',
        h('code', {}, 'bin/dev-token --tenant T --sub S --groups reviewer,admin'), '.'),
      h('form', {
        onsubmit: (event) => {
          event.preventDefault();
          try {
            useDevelopmentToken(area.value);
            location.hash = returnTo;
          } catch (error) {
            say(error.message, 'error');
            area.focus();
          }
        },
      },
      h('label', { for: 'dev-token' }, 'Development token'), area,
      h('p', {}, h('button', { type: 'submit', id: 'sign-in-dev' }, 'Sign in with this token')))));
  }
  if (!choices.length) {
    choices.push(h('p', { class: 'panel' },
      'No sign-in is configured: set dcl.console.oidc.issuer (and dcl.console.oidc.client-id) to your OpenID Connect provider.'));
  }
  fill(main, h('div', { class: 'sign-in' }, h('h1', {}, 'Sign in to the Mapping Registry console'), choices));
  return null;
}
