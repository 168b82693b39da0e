// Mappings: search and browse, one mapping with its history as a diff, an edit guarded by the
// mapping's ETag, and a preview of the transform on a sample record.
import { api, ApiError, explain, query } from './api.js';
import { hasRole } from './auth.js';
import { confidence, empty, facts, fill, h, say, when } from './dom.js';

const STATUSES = ['', 'ACTIVE', 'PROPOSED', 'NEEDS_REVIEW', 'APPROVED', 'REJECTED', 'DEPRECATED'];
const PAGE = 50;
const COMPARED = ['canonicalEntity', 'canonicalField', 'transform', 'confidence', 'status'];

export function renderMappings(main, parameters) {
  const search = {
    connector: parameters.get('connector') || '',
    table: parameters.get('table') || '',
    entity: parameters.get('entity') || '',
    status: parameters.get('status') || '',
    q: parameters.get('q') || '',
  };
  const pages = [null];
  const results = h('div', { id: 'mapping-results' });
  const pager = h('div', { class: 'pager' });
  const inputs = {};
  const field = (name, label, placeholder) => {
    inputs[name] = h('input', { id: `search-${name}`, name, value: search[name], placeholder });
    return h('div', {}, h('label', { for: `search-${name}` }, label), inputs[name]);
  };
  inputs.status = h('select', { id: 'search-status', name: 'status' },
    STATUSES.map((s) => h('option', { value: s, selected: s === search.status }, s || 'Any status')));
  fill(main,
    h('h1', {}, 'Mappings'),
    h('form', {
      class: 'filters', role: 'search', 'aria-label': 'Search mappings',
      onsubmit: (event) => {
        event.preventDefault();
        const values = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
        location.hash = `#/mappings${query(values)}`;
      },
    },
    field('q', 'Text', 'field or target'), field('connector', 'Connector', 'salesforce'), field('table', 'Table', 'Opportunity'),
    field('entity', 'Canonical entity', 'opportunity'),
    h('div', {}, h('label', { for: 'search-status' }, 'Status'), inputs.status),
    h('button', { type: 'submit', class: 'primary' }, 'Search'),
    h('a', { href: '#/mappings', class: 'button' }, 'Clear')),
    results, pager);

  async function load(cursor) {
    fill(results, h('p', { class: 'loading' }, 'Searching…'));
    try {
      const { data } = await api(`/dcl/mappings${query({ ...search, limit: PAGE, cursor })}`);
      if (!data.items.length) {
        fill(results, empty('No mapping matches this search.'));
      } else {
        fill(results, h('table', { id: 'mapping-table' },
          h('thead', {}, h('tr', {}, ['Source field', 'Canonical field', 'Status', 'Confidence', 'Version', 'Updated']
            .map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, data.items.map((m) => h('tr', {},
            h('td', { class: 'mono' }, h('a', { href: `#/mappings/${m.id}` }, `${m.connector}/${m.sourceTable}/${m.sourceField}`)),
            h('td', { class: 'mono' }, `${m.canonicalEntity}.${m.canonicalField}`),
            h('td', {}, status(m.status)), h('td', {}, confidence(m.confidence)),
            h('td', {}, String(m.version)), h('td', {}, when(m.updatedAt)))))));
      }
      fill(pager,
        `Page ${pages.length}`,
        pages.length > 1 ? h('button', { type: 'button', onclick: () => { pages.pop(); load(pages[pages.length - 1]); } }, 'Previous page') : null,
        data.next ? h('button', { type: 'button', onclick: () => { pages.push(data.next); load(data.next); } }, 'Next page') : null);
    } catch (error) {
      fill(results, h('p', { class: 'error' }, `The search failed: ${explain(error)}`));
    }
  }

  load(null);
  return null;
}

/** One mapping: what it is, an edit form for admins, the transform preview and the history. */
export function renderMapping(main, id) {
  const view = h('div', { id: 'mapping-view' }, h('p', { class: 'loading' }, 'Loading the mapping…'));
  fill(main, h('p', {}, h('a', { href: '#/mappings' }, '← All mappings')), view);

  async function load() {
    try {
      const [{ data: mapping, etag }, { data: history }] = await Promise.all([
        api(`/dcl/mappings/${id}`), api(`/dcl/mappings/${id}/history?limit=100`)]);
      fill(view,
        h('h1', {}, h('span', { class: 'mono' }, `${mapping.connector}/${mapping.sourceTable}/${mapping.sourceField}`)),
        h('div', { class: 'cards' },
          h('section', { class: 'panel', 'aria-labelledby': 'current-title' },
            h('h2', { id: 'current-title' }, 'In force'),
            facts([
              ['Canonical field', h('code', { id: 'current-target' }, `${mapping.canonicalEntity}.${mapping.canonicalField}`)],
              ['Status', status(mapping.status)],
              ['Confidence', confidence(mapping.confidence)],
              ['Transform', mapping.transform ? h('code', {}, JSON.stringify(mapping.transform)) : 'values copied as they are'],
              ['Version', h('span', { id: 'current-version' }, String(mapping.version))],
              ['Provenance', mapping.provenance],
              ['Updated', [when(mapping.updatedAt), mapping.updatedBy ? ` by ${mapping.updatedBy}` : '']],
            ])),
          hasRole('admin') ? editor(mapping, etag, load) : null,
          hasRole('admin', 'service') ? preview(mapping) : null),
        h('section', { 'aria-labelledby': 'history-title' },
          h('h2', { id: 'history-title' }, 'History'),
          historyOf(history.items)));
    } catch (error) {
      fill(view, h('p', { class: 'error' },
        error instanceof ApiError && error.status === 404 ? 'No such mapping in your tenant.' : `The mapping could not be loaded: ${explain(error)}`));
    }
  }

  load();
  return null;
}

/**
 * The edit form. It sends the version it was read at (If-Match); when someone changed the mapping
 * since, the server answers 412 and the form says who, keeps what was typed, and offers a reload.
 */
function editor(mapping, etag, reload) {
  const entity = h('input', { id: 'edit-entity', name: 'canonicalEntity', value: mapping.canonicalEntity, required: true });
  const target = h('input', { id: 'edit-field', name: 'canonicalField', value: mapping.canonicalField, required: true });
  const reason = h('input', { id: 'edit-reason', name: 'reason', placeholder: 'kept in the audit trail' });
  const outcome = h('div', { id: 'edit-outcome', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'primary', id: 'edit-save' }, 'Save');
  return h('section', { class: 'panel', 'aria-labelledby': 'edit-title' },
    h('h2', { id: 'edit-title' }, 'Edit'),
    h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        save.disabled = true;
        fill(outcome);
        try {
          await api(`/dcl/mappings/${mapping.id}`, {
            method: 'PUT',
            ifMatch: etag,
            body: {
              canonicalEntity: entity.value.trim(),
              canonicalField: target.value.trim(),
              transform: mapping.transform,
              reason: reason.value.trim() || undefined,
            },
          });
          say(`Saved ${mapping.connector}/${mapping.sourceTable}/${mapping.sourceField}.`, 'success');
          reload();
        } catch (error) {
          save.disabled = false;
          if (error instanceof ApiError && error.status === 412) {
            const now = await api(`/dcl/mappings/${mapping.id}`).then((r) => r.data).catch(() => null);
            fill(outcome, h('div', { class: 'message warning', id: 'stale-edit' },
              h('p', {}, `Not saved: this mapping changed after you opened it. You edited version ${mapping.version}`,
                now ? `; it is now version ${now.version}${now.updatedBy ? `, changed by ${now.updatedBy}` : ''}, mapping to ${now.canonicalEntity}.${now.canonicalField}.` : '.'),
              h('p', {}, 'Your edit is still in the form. Reload to see the current version, then edit again.'),
              h('button', { type: 'button', id: 'reload-mapping', onclick: reload }, 'Reload the current version')));
          } else {
            fill(outcome, h('p', { class: 'message error' }, `Not saved: ${explain(error)}`));
          }
        }
      },
    },
    h('label', { for: 'edit-entity' }, 'Canonical entity'), entity,
    h('label', { for: 'edit-field' }, 'Canonical field'), target,
    h('label', { for: 'edit-reason' }, 'Reason'), reason,
    h('p', {}, save), outcome));
}

/** Runs the transform on a sample record, as the runtime would. */
function preview(mapping) {
  const record = h('textarea', { id: 'preview-record', rows: 4, spellcheck: 'false' },
    JSON.stringify({ [mapping.sourceField]: 'sample value' }, null, 2));
  const output = h('div', { id: 'preview-output', 'aria-live': 'polite' });
  return h('section', { class: 'panel', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, 'Transform preview'),
    h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        let parsed;
        try {
          parsed = JSON.parse(record.value);
        } catch {
          fill(output, h('p', { class: 'message error' }, 'The sample record is not JSON: write it as {"Field": "value"}.'));
          return;
        }
        try {
          const { data } = await api('/dcl/transform', {
            method: 'POST',
            body: { connector: mapping.connector, table: mapping.sourceTable, records: [parsed] },
          });
          fill(output, h('pre', {}, JSON.stringify(data, null, 2)));
        } catch (error) {
          fill(output, h('p', { class: 'message error' }, explain(error)));
        }
      },
    },
    h('label', { for: 'preview-record' }, `A record of ${mapping.connector}/${mapping.sourceTable}`), record,
    h('p', {}, h('button', { type: 'submit', id: 'preview-run' }, 'Preview')), output));
}

/** Every version, newest first, each as the changes it made. */
function historyOf(entries) {
  if (!entries.length) return empty('No history yet.');
  const newestFirst = [...entries].sort((a, b) => b.version - a.version);
  return h('ol', { class: 'history', reversed: true },
    newestFirst.map((entry) => h('li', {},
      h('p', {}, h('strong', {}, `Version ${entry.version}`), ` · ${entry.action} by ${entry.actor || 'unknown'} · `, when(entry.at)),
      entry.reason ? h('p', { class: 'muted' }, `Why: ${entry.reason}`) : null,
      diff(entry.before, entry.after))));
}

function diff(before, after) {
  const rows = COMPARED.map((name) => [name, show(before?.[name]), show(after?.[name])])
    .filter(([, old, now]) => old !== now);
  if (!rows.length) return h('p', { class: 'muted' }, 'No visible change.');
  return h('table', { class: 'diff' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'))),
    h('tbody', {}, rows.map(([name, old, now]) => h('tr', {},
      h('td', { class: 'field' }, name),
      h('td', {}, old === '' ? '—' : h('del', {}, old)),
      h('td', {}, now === '' ? '—' : h('ins', {}, now))))));
}

function show(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function status(value) {
  const kind = { ACTIVE: 'good', DEPRECATED: 'bad', REJECTED: 'bad', NEEDS_REVIEW: 'warn', PROPOSED: 'warn' }[value] || '';
  return h('span', { class: `badge ${kind}` }, value);
}
