// The console's shell: sign-in state, navigation by role, and the view for the address's hash.
import { claims, completeOpenIdSignIn, hasRole, signOut, token } from './auth.js';
import { clearMessages, fill, h, say } from './dom.js';
import { renderSignIn } from './signin.js';
import { renderQueue } from './queue.js';
import { renderMappings, renderMapping } from './mappings.js';
import { renderOperations } from './ops.js';

const SECTIONS = [
  { path: '#/queue', label: 'Review queue', roles: ['reviewer', 'admin'], render: renderQueue },
  { path: '#/mappings', label: 'Mappings', roles: ['viewer', 'service', 'reviewer', 'admin', 'operator'], render: renderMappings },
  { path: '#/operations', label: 'Operations', roles: ['admin', 'operator'], render: renderOperations },
];

let settings = { mode: 'production', openId: null, developmentTokens: false };
let leaveView = null;

async function start() {
  try {
    const response = await fetch('/dcl/console/settings', { headers: { Accept: 'application/json' } });
    if (response.ok) settings = await response.json();
  } catch {
    // the sign-in page says the server cannot be reached
  }
  document.getElementById('dev-banner').hidden = settings.mode !== 'development';
  try {
    await completeOpenIdSignIn(settings.openId);
  } catch (error) {
    say(error.message, 'error');
  }
  window.addEventListener('hashchange', route);
  route();
}

function route() {
  if (leaveView) {
    leaveView();
    leaveView = null;
  }
  const main = document.getElementById('main');
  const hash = location.hash || '#/';
  if (!token()) {
    showShell(false);
    if (hash !== '#/sign-in') {
      history.replaceState(null, '', '#/sign-in');
    }
    leaveView = renderSignIn(main, settings, returnTo(hash));
    document.title = 'Sign in · DCL Mapping Registry';
    return;
  }
  showShell(true);
  const [path, rest] = hash.split('?');
  const mapping = path.match(/^#\/mappings\/([0-9a-f-]{36})$/);
  const allowed = SECTIONS.filter((s) => hasRole(...s.roles));
  const section = SECTIONS.find((s) => s.path === (mapping ? '#/mappings' : path));
  markCurrent(section);
  if (!section || !hasRole(...section.roles)) {
    if (allowed.length && path !== allowed[0].path) {
      location.replace(allowed[0].path);
      return;
    }
    fill(main, h('h1', {}, 'Nothing to show'),
      h('p', {}, 'Your token carries none of the roles the console serves (viewer, service, reviewer, admin, operator). Ask your administrator for one.'));
    return;
  }
  document.title = `${section.label} · DCL Mapping Registry`;
  const parameters = new URLSearchParams(rest || '');
  leaveView = mapping ? renderMapping(main, mapping[1]) : section.render(main, parameters);
}

function returnTo(hash) {
  return hash === '#/sign-in' || hash === '#/' ? '#/' : hash;
}

function showShell(signedIn) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!signedIn) {
    fill(nav);
    fill(who);
    return;
  }
  fill(nav, SECTIONS.filter((s) => hasRole(...s.roles))
    .map((s) => h('a', { href: s.path, 'data-section': s.path }, s.label)));
  const me = claims();
  fill(who,
    h('span', { title: 'Your tenant: everything you see and change is this tenant\'s' }, h('span', { class: 'tenant' }, me.tenant_id)),
    h('span', { title: `Roles: ${(me.groups || []).join(', ')}` }, me.sub),
    h('button', { type: 'button', onclick: () => { clearMessages(); signOut('You signed out.'); } }, 'Sign out'));
}

function markCurrent(section) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (section && link.dataset.section === section.path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

start();
