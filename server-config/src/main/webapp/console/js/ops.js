// Operations: the tenant's rollout, the service's health and error budgets, and jobs with live
// progress. The overview refreshes every 10 s while the page is open; a running job's row every 2 s.
import { api, explain, query } from './api.js';
import { hasRole } from './auth.js';
import { confidence, empty, facts, fill, h, say, when } from './dom.js';

const OVERVIEW_REFRESH_MS = 10000;
const RUNNING_JOBS_REFRESH_MS = 2000;
const JOBS = ['parity-check', 'yaml-import', 'yaml-export', 'backup', 'restore'];
const RUNNING = new Set(['STARTING', 'STARTED', 'STOPPING']);

export function renderOperations(main) {
  const health = h('section', { class: 'panel', 'aria-labelledby': 'health-title' }, h('h2', { id: 'health-title' }, 'Health'), h('p', { class: 'loading' }, 'Loading…'));
  const rollout = h('section', { class: 'panel', 'aria-labelledby': 'rollout-title' }, h('h2', { id: 'rollout-title' }, 'Rollout'), h('p', { class: 'loading' }, 'Loading…'));
  const budgets = h('section', { class: 'panel', 'aria-labelledby': 'slo-title' }, h('h2', { id: 'slo-title' }, 'Service levels'), h('p', { class: 'loading' }, 'Loading…'));
  const jobs = h('div', { id: 'jobs' }, h('p', { class: 'loading' }, 'Loading jobs…'));
  let overviewTimer = null;
  let jobsTimer = null;
  let stopped = false;

  fill(main,
    h('h1', {}, 'Operations'),
    h('div', { class: 'cards' }, health, rollout, budgets),
    h('section', { 'aria-labelledby': 'jobs-title' },
      h('h2', { id: 'jobs-title' }, 'Jobs'),
      hasRole('admin') ? startForm(followJobs) : null,
      jobs),
    hasRole('admin') ? h('section', { 'aria-labelledby': 'decisions-title' },
      h('h2', { id: 'decisions-title' }, 'Decisions'),
      h('p', {}, 'Every proposal and rollout decision of the last 24 hours, with charts: ',
        h('button', { type: 'button', id: 'decision-report', onclick: downloadReport }, 'Download the decision report (HTML)'))) : null);

  async function refreshHealth() {
    try {
      const response = await fetch('/health/ready', { headers: { Accept: 'application/json' } });
      const body = await response.json();
      fill(health, h('h2', { id: 'health-title' }, 'Health'),
        h('p', {}, h('span', { class: `badge ${body.status === 'UP' ? 'good' : 'bad'}`, id: 'health-status' }, body.status === 'UP' ? 'Ready' : 'Not ready')),
        h('ul', {}, body.checks.map((c) => h('li', {}, `${c.name}: `, h('span', { class: `badge ${c.status === 'UP' ? 'good' : 'bad'}` }, c.status),
          c.data && c.data.state ? ` (${c.data.state})` : null))));
    } catch {
      fill(health, h('h2', { id: 'health-title' }, 'Health'), h('p', { class: 'error' }, 'The server does not answer.'));
    }
  }

  async function refreshRollout() {
    try {
      const [{ data: mine }, plan] = await Promise.all([
        api('/dcl/admin/rollout'),
        api('/dcl/admin/rollout/plan').then((r) => r.data).catch(() => null)]);
      fill(rollout, h('h2', { id: 'rollout-title' }, 'Rollout'),
        facts([
          ['Source of truth', h('span', { class: 'badge' }, mine.sourceOfTruth)],
          ['Served by', mine.servedBy],
          ['Dual read', mine.dualRead ? 'on: legacy and registry answers are compared' : 'off'],
          ['Mismatches', mine.dualRead ? 'logged, and counted in dcl_dual_read_mismatches_total on /metrics' : null],
          ['Legacy path', mine.legacyPath],
          ['Changed', mine.updatedAt ? [when(mine.updatedAt), ` by ${mine.updatedBy}`] : null],
          ['Plan', plan ? `${plan.percent} % of tenants on the registry${plan.following ? ` (${plan.following} following)` : ''}` : null],
        ]));
    } catch (error) {
      fill(rollout, h('h2', { id: 'rollout-title' }, 'Rollout'), h('p', { class: 'error' }, explain(error)));
    }
  }

  async function refreshBudgets() {
    try {
      const { data } = await api('/dcl/admin/slo');
      fill(budgets, h('h2', { id: 'slo-title' }, `Service levels (${data.window})`),
        data.shouldRollback ? h('p', { class: 'message error' }, `Rollback advised: ${data.rollbackReason}`) : null,
        data.shouldHaltRollout ? h('p', { class: 'message warning' }, `Rollout halted: ${data.haltReason}`) : null,
        h('table', {},
          h('thead', {}, h('tr', {}, ['Objective', 'Target', 'Actual', 'Budget left'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, data.slos.map((s) => h('tr', {},
            h('td', {}, s.name), h('td', {}, percent(s.target)), h('td', {}, percent(s.actual)),
            h('td', {}, confidence(Math.max(0, s.budgetRemaining), `${s.name} budget left`)))))));
    } catch (error) {
      fill(budgets, h('h2', { id: 'slo-title' }, 'Service levels'), h('p', { class: 'error' }, explain(error)));
    }
  }

  async function refreshJobs() {
    try {
      const { data } = await api(`/dcl/jobs${query({ limit: 20 })}`);
      fill(jobs, data.items.length ? h('table', { id: 'job-table' },
        h('thead', {}, h('tr', {}, ['Job', 'Status', 'Progress', 'Started', 'Ended', 'Report'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, data.items.map(jobRow))) : empty('No job has run for your tenant yet.'));
      return data.items.some((j) => RUNNING.has(j.status));
    } catch (error) {
      fill(jobs, h('p', { class: 'error' }, `Jobs could not be listed: ${explain(error)}`));
      return false;
    }
  }

  /** Lists the jobs, and again in 2 s while one runs (one pending refresh at most). */
  async function followJobs() {
    const running = await refreshJobs();
    if (running && !stopped) {
      clearTimeout(jobsTimer);
      jobsTimer = setTimeout(followJobs, RUNNING_JOBS_REFRESH_MS);
    }
  }

  async function refreshOverview() {
    await Promise.all([refreshHealth(), refreshRollout(), refreshBudgets(), followJobs()]);
    if (!stopped) overviewTimer = setTimeout(refreshOverview, OVERVIEW_REFRESH_MS);
  }

  refreshOverview();
  return () => {
    stopped = true;
    clearTimeout(overviewTimer);
    clearTimeout(jobsTimer);
  };
}

function jobRow(job) {
  const { total, processed, failed } = job.progress || { total: 0, processed: 0, failed: 0 };
  const label = total ? `${processed} of ${total}${failed ? `, ${failed} failed` : ''}` : `${processed} processed`;
  return h('tr', { 'data-execution': job.executionId },
    h('td', {}, `${job.name} #${job.executionId}`),
    h('td', {}, h('span', { class: `badge ${job.status === 'COMPLETED' ? 'good' : job.status === 'FAILED' ? 'bad' : 'warn'}` }, job.status)),
    h('td', {}, h('progress', { max: total || 1, value: total ? processed : (RUNNING.has(job.status) ? null : 1), 'aria-label': `${job.name} progress: ${label}` }), ' ', label),
    h('td', {}, when(job.startedAt)), h('td', {}, when(job.endedAt)),
    h('td', {}, job.report ? h('details', {}, h('summary', {}, 'Report'), h('pre', {}, JSON.stringify(job.report, null, 2))) : '—'));
}

function startForm(started) {
  const name = h('select', { id: 'job-name', name: 'name' }, JOBS.map((j) => h('option', { value: j }, j)));
  const path = h('input', { id: 'job-path', name: 'path', placeholder: 'a folder in your tenant\'s jobs folder', required: true });
  return h('form', {
    class: 'filters', 'aria-label': 'Start a job',
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        const { data } = await api(`/dcl/jobs/${name.value}`, { method: 'POST', body: { path: path.value.trim() } });
        say(`Started ${name.value} #${data.executionId}.`, 'success');
        started();
      } catch (error) {
        say(`The job did not start: ${explain(error)}`, 'error');
      }
    },
  },
  h('div', {}, h('label', { for: 'job-name' }, 'Job'), name),
  h('div', {}, h('label', { for: 'job-path' }, 'Path'), path),
  h('button', { type: 'submit', class: 'primary', id: 'job-start' }, 'Start'));
}

async function downloadReport() {
  try {
    const { data } = await api('/dcl/admin/decisions/report', { accept: 'text/html' });
    const link = h('a', { href: URL.createObjectURL(new Blob([data], { type: 'text/html' })), download: 'decision-report.html' });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (error) {
    say(`The report could not be made: ${explain(error)}`, 'error');
  }
}

function percent(value) {
  return `${(value * 100).toFixed(2).replace(/\.?0+$/, '')}\u00a0%`;
}
