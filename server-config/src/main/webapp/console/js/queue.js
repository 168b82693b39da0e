// The reviewer's queue: pending approvals on the left, the evidence of the selected one on the
// right, decided with a note and a key press. The server enforces every rule (four eyes, races);
// the queue explains its answers.
import { api, ApiError, canonicalModel, explain, query } from './api.js';
import { claims } from './auth.js';
import { age, confidence, empty, facts, fill, h, say, typing, when } from './dom.js';

const PAGE = 50;
const AGES = [['', 'Any age'], ['PT1H', 'Older than 1 hour'], ['PT24H', 'Older than 1 day'], ['P7D', 'Older than 7 days']];
const CHANGES = { map_field: 'New mapping', rename_field: 'Renamed field', deprecate_field: 'Retire mapping', confirm_mapping: 'Confirm mapping' };

export function renderQueue(main, parameters) {
  const filters = {
    connector: parameters.get('connector') || '',
    entity: parameters.get('entity') || '',
    minAge: parameters.get('minAge') || '',
  };
  const pages = [null];
  let items = [];
  let next = null;
  let selected = -1;
  let current = null;
  let deciding = false;

  const list = h('div', { id: 'queue-list' }, h('p', { class: 'loading' }, 'Loading pending approvals…'));
  const detail = h('section', { class: 'panel sticky', id: 'queue-detail', 'aria-live': 'polite', 'aria-label': 'Selected approval' },
    empty('Select an approval to see its evidence.'));
  const pager = h('div', { class: 'pager' });

  const connectorInput = h('input', { id: 'filter-connector', name: 'connector', value: filters.connector, placeholder: 'e.g. salesforce' });
  const entityInput = h('input', { id: 'filter-entity', name: 'entity', value: filters.entity, placeholder: 'e.g. opportunity' });
  const ageSelect = h('select', { id: 'filter-age', name: 'minAge' },
    AGES.map(([value, label]) => h('option', { value, selected: value === filters.minAge }, label)));
  const form = h('form', {
    class: 'filters', role: 'search', 'aria-label': 'Filter the queue',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = `#/queue${query({ connector: connectorInput.value.trim(), entity: entityInput.value.trim(), minAge: ageSelect.value })}`;
    },
  },
  h('div', {}, h('label', { for: 'filter-connector' }, 'Connector'), connectorInput),
  h('div', {}, h('label', { for: 'filter-entity' }, 'Canonical entity'), entityInput),
  h('div', {}, h('label', { for: 'filter-age' }, 'Waiting'), ageSelect),
  h('button', { type: 'submit', class: 'primary' }, 'Filter'),
  h('a', { href: '#/queue', class: 'button' }, 'Clear'));

  fill(main,
    h('h1', {}, 'Review queue'),
    form,
    h('p', { class: 'shortcuts', id: 'shortcuts' },
      'Keys: ', h('kbd', {}, 'j'), '/', h('kbd', {}, 'k'), ' next/previous · ', h('kbd', {}, 'a'), ' approve · ',
      h('kbd', {}, 'r'), ' reject · ', h('kbd', {}, 'n'), ' write a note · ', h('kbd', {}, '/'), ' filter'),
    h('div', { class: 'split' }, h('section', { 'aria-label': 'Pending approvals' }, list, pager), detail));

  async function load(cursor) {
    fill(list, h('p', { class: 'loading' }, 'Loading pending approvals…'));
    try {
      const { data } = await api(`/dcl/approvals/pending${query({ ...filters, limit: PAGE, cursor })}`);
      items = data.items;
      next = data.next;
      showList();
      // User Timing marks: how long a reviewer waits, measurable in the browser (ConsoleIT reads them)
      performance.mark('dcl:queue-shown');
      select(items.length ? 0 : -1);
    } catch (error) {
      fill(list, h('p', { class: 'error' }, `The queue could not be loaded: ${explain(error)}`),
        h('button', { type: 'button', onclick: () => load(cursor) }, 'Try again'));
    }
  }

  function showList() {
    if (!items.length) {
      const filtered = filters.connector || filters.entity || filters.minAge;
      fill(list, empty(filtered ? 'No pending approvals match these filters.' : 'Nothing waits for review. Well done.'));
    } else {
      fill(list, h('table', { id: 'queue-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Source field → proposed'),
          h('th', { scope: 'col' }, 'Confidence'), h('th', { scope: 'col' }, 'Waiting'))),
        h('tbody', {}, items.map((item, index) => h('tr', {
          class: 'selectable', 'data-approval': item.id, 'aria-selected': 'false', tabindex: '-1',
          onclick: () => select(index),
        },
        h('td', {}, h('div', { class: 'mono' }, `${item.connector}/${item.sourceTable}/${item.sourceField}`),
          h('div', { class: 'muted' }, '→ ', item.type === 'deprecate_field' ? h('span', { class: 'badge bad' }, 'retire') : h('span', { class: 'mono' }, `${item.canonicalEntity}.${item.canonicalField}`))),
        h('td', {}, confidence(item.confidence)),
        h('td', {}, age(item.submittedAt)))))));
    }
    const page = pages.length;
    fill(pager,
      items.length ? `Page ${page} · ${items.length} shown` : null,
      page > 1 ? h('button', { type: 'button', onclick: () => { pages.pop(); load(pages[pages.length - 1]); } }, 'Previous page') : null,
      next ? h('button', { type: 'button', id: 'next-page', onclick: () => { pages.push(next); load(next); } }, 'Next page') : null);
  }

  function select(index) {
    selected = index;
    const rows = list.querySelectorAll('tbody tr');
    rows.forEach((row, i) => row.setAttribute('aria-selected', String(i === index)));
    if (index < 0) {
      current = null;
      fill(detail, empty(items.length ? 'Select an approval to see its evidence.' : 'The evidence of the approval you select shows here.'));
      return;
    }
    rows[index].scrollIntoView({ block: 'nearest' });
    current = items[index];
    showDetail(current);
  }

  async function showDetail(item) {
    fill(detail, h('p', { class: 'loading' }, 'Loading the evidence…'));
    const [proposal, model] = await Promise.all([
      item.proposalId ? api(`/dcl/intelligence/proposals/${item.proposalId}`).then((r) => r.data).catch(() => null) : null,
      canonicalModel().catch(() => new Map()),
    ]);
    if (current !== item) return;
    fill(detail, evidence(item, proposal, model), decision(item));
    performance.mark('dcl:evidence-shown');
  }

  function decision(item) {
    const notes = h('textarea', { id: 'decision-notes', rows: 2, placeholder: 'Why (kept in the audit trail)' });
    const mine = claims()?.sub === item.submittedBy;
    return h('form', {
      class: 'decide', 'aria-label': 'Decide',
      onsubmit: (event) => event.preventDefault(),
    },
    h('label', { for: 'decision-notes' }, 'Notes'), notes,
    mine ? h('p', { class: 'message warning' }, 'You submitted this change: the four-eyes rule leaves the decision to someone else.') : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'approve', id: 'approve', onclick: () => decide(item, 'approve') }, 'Approve ', h('kbd', {}, 'a')),
      h('button', { type: 'button', class: 'reject', id: 'reject', onclick: () => decide(item, 'reject') }, 'Reject ', h('kbd', {}, 'r'))));
  }

  async function decide(item, verdict) {
    // a key pressed twice while the first decision is on its way decides once
    if (deciding) return;
    deciding = true;
    try {
      await send(item, verdict);
    } finally {
      deciding = false;
    }
  }

  async function send(item, verdict) {
    const notes = document.getElementById('decision-notes')?.value.trim();
    for (const button of detail.querySelectorAll('.actions button')) button.disabled = true;
    const label = `${item.connector}/${item.sourceTable}/${item.sourceField}`;
    try {
      await api(`/dcl/approvals/${item.id}/${verdict}`, { method: 'POST', body: notes ? { notes } : {} });
      say(`${verdict === 'approve' ? 'Approved' : 'Rejected'}: ${label}.`, 'success');
      drop(item);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const now = await api(`/dcl/approvals/${item.id}`).then((r) => r.data).catch(() => null);
        say(now && now.decidedBy
          ? `Someone decided this one first: ${label} was ${now.status} by ${now.decidedBy}. It has left your queue.`
          : `${label} is no longer pending: someone decided it first. It has left your queue.`, 'warning');
        drop(item);
      } else if (error instanceof ApiError && error.status === 403) {
        say(`You cannot decide ${label}: you submitted it yourself (four-eyes rule), or your role does not allow it. Someone else must decide.`, 'warning');
        for (const button of detail.querySelectorAll('.actions button')) button.disabled = false;
      } else {
        say(`The decision was not recorded: ${explain(error)}`, 'error');
        for (const button of detail.querySelectorAll('.actions button')) button.disabled = false;
      }
    }
  }

  function drop(item) {
    const index = items.indexOf(item);
    if (index < 0) return;
    items.splice(index, 1);
    if (!items.length && (next || pages.length > 1)) {
      // this page is done; decided approvals have left the queue, so its start has the rest
      pages.length = 1;
      load(null);
      return;
    }
    showList();
    select(Math.min(index, items.length - 1));
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event)) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    const keys = {
      j: () => select(Math.min(selected + 1, items.length - 1)),
      ArrowDown: () => select(Math.min(selected + 1, items.length - 1)),
      k: () => select(Math.max(selected - 1, 0)),
      ArrowUp: () => select(Math.max(selected - 1, 0)),
      a: () => current && decide(current, 'approve'),
      r: () => current && decide(current, 'reject'),
      n: () => document.getElementById('decision-notes')?.focus(),
      '/': () => connectorInput.focus(),
    };
    const action = keys[event.key];
    if (action && (items.length || event.key === '/')) {
      event.preventDefault();
      action();
    }
  }

  document.addEventListener('keydown', onKey);
  load(null);
  return () => document.removeEventListener('keydown', onKey);
}

/** The approval's evidence: the source beside the proposed target, then why, then what else. */
function evidence(item, proposal, model) {
  const found = proposal?.evidence || {};
  const candidates = found.candidates || [];
  const definition = model.get(item.canonicalEntity)?.get(item.canonicalField);
  const samples = found.sampleValues || [];
  const degraded = found.degraded || [];
  return h('article', { id: 'evidence' },
    h('h2', {}, `${CHANGES[item.type] || item.type}: `, h('span', { class: 'mono' }, `${item.connector}/${item.sourceTable}/${item.sourceField}`)),
    h('div', { class: 'compare' },
      h('div', { class: 'side' },
        h('h3', {}, 'Source field'),
        facts([
          ['Connector', item.connector],
          ['Table', item.sourceTable],
          ['Field', h('code', {}, item.sourceField)],
          ['Samples', samples.length ? h('div', { class: 'samples' }, samples.map((s) => h('code', {}, s))) : h('span', { class: 'muted' }, 'none sent')],
        ])),
      h('div', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
      h('div', { class: 'side' },
        h('h3', {}, item.type === 'deprecate_field' ? 'Mapping to retire' : 'Proposed canonical field'),
        facts([
          ['Field', h('code', { id: 'proposed-target' }, `${item.canonicalEntity}.${item.canonicalField}`)],
          ['Type', definition?.type || null],
          ['Description', definition?.description || (definition ? null : h('span', { class: 'badge warn' }, 'not in the canonical model'))],
          ['Confidence', confidence(item.confidence)],
          ['Transform', item.transform && item.transform !== 'none' ? h('code', {}, item.transform) : null],
        ]))),
    candidates[0]?.reasoning ? [h('h3', {}, 'Why'), h('p', { class: 'reasoning' }, candidates[0].reasoning)] : null,
    candidates.length > 1 ? [
      h('h3', {}, 'Alternatives'),
      h('table', { id: 'alternatives' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Canonical field'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Confidence'))),
        h('tbody', {}, candidates.slice(1).map((c) => {
          const [entity, field] = c.target.split('.');
          return h('tr', {}, h('td', { class: 'mono', title: c.reasoning }, c.target),
            h('td', {}, model.get(entity)?.get(field)?.type || '—'), h('td', {}, confidence(c.score)));
        })))] : null,
    (found.similarMappings || []).length ? [
      h('h3', {}, 'Similar known mappings'),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Maps to'), h('th', { scope: 'col' }, 'Similarity'))),
        h('tbody', {}, found.similarMappings.map((s) => h('tr', {},
          h('td', { class: 'mono' }, h('a', { href: `#/mappings/${s.mappingId}` }, s.source)),
          h('td', { class: 'mono' }, s.target), h('td', {}, confidence(s.similarity, 'similarity'))))))] : null,
    h('h3', {}, 'Provenance'),
    facts([
      ['Strategy', proposal ? h('span', { class: 'badge' }, proposal.strategy) : h('span', { class: 'muted' }, item.proposalId ? 'proposal not found' : 'submitted by hand')],
      ['Fallbacks', degraded.length ? degraded.map((d) => h('span', { class: 'badge warn' }, d)) : null],
      ['Abstained', found.abstained ? h('span', { class: 'badge warn' }, 'no confident proposal') : null],
      ['Drift', found.drift ? `${found.drift.changeType}` : null],
      ['Estimated impact', found.estimatedImpact ? impact(found.estimatedImpact) : null],
      ['Submitted by', item.submittedBy],
      ['Submitted', [when(item.submittedAt), ` (${age(item.submittedAt)} ago)`]],
      ['Reason', item.reason],
      ['Replaces', item.previousMappingId ? h('a', { href: `#/mappings/${item.previousMappingId}` }, 'the mapping in force') : null],
    ]));
}

function impact(estimate) {
  return Object.entries(estimate).map(([name, value]) => `${name}: ${value}`).join(', ');
}
