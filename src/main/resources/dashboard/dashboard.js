// Quorum's usage dashboard: reads GET /api/v1/usage (by provider with the latency, cascade and cache sections, by
// model, by tenant), GET /api/v1/agreement, GET /api/v1/alerts and GET /api/v1/experiments, and draws them with the vendored Chart.js. No network beyond
// Quorum itself. Refreshes every 15 seconds. With API keys on, the browser's session cookie (from /dashboard/login)
// is what these reads carry; when it has expired they answer 401 and the page goes back to the login form.
'use strict';

const COLORS = {
  cost: '#1f77b4',
  input: '#2ca02c',
  output: '#ff7f0e',
  agreement: '#9467bd',
  tenant: '#393b79',
  models: ['#17becf', '#d62728', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#1f77b4', '#2ca02c'],
  latency: ['#e6550d', '#31a354', '#756bb1', '#636363', '#3182bd', '#de2d26', '#fd8d3c', '#74c476']
};
const charts = {};

function $(id) { return document.getElementById(id); }

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401 && document.body.dataset.auth === 'on') {
    window.location.assign('/dashboard/login');
    throw new Error('the session has ended: log in again');
  }
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status);
  }
  return response.json();
}

function usd(value) {
  const v = Number(value || 0);
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  return sign + '$' + (a >= 1 ? a.toFixed(2) : a === 0 ? '0' : a.toPrecision(3));
}

function number(value) { return Number(value || 0).toLocaleString('en-US'); }

function draw(id, type, labels, datasets, options) {
  const canvas = $(id);
  if (charts[id]) {
    charts[id].destroy();
  }
  charts[id] = new Chart(canvas, {
    type: type,
    data: { labels: labels, datasets: datasets },
    options: Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, options || {})
  });
  canvas.dataset.points = String(datasets.reduce((n, d) => n + d.data.filter(v => v > 0).length, 0));
  canvas.dataset.rendered = 'true';
}

function cell(row, value) {
  const td = document.createElement('td');
  td.textContent = value == null ? '' : value;
  row.append(td);
  return td;
}

function showTotals(usage) {
  const t = usage.totals || {};
  $('total-client-requests').textContent = number(t.clientRequests);
  $('total-provider-calls').textContent = number(t.requests);
  $('total-errors').textContent = number(t.errors);
  $('total-input').textContent = number(t.inputTokens);
  $('total-output').textContent = number(t.outputTokens);
  $('total-cost').textContent = usd(t.costUsd);
  $('range').textContent = (usage.from || '') + ' – ' + (usage.to || '');
}

function showCascade(cascade) {
  const c = cascade || {};
  const requests = Number(c.requests || 0);
  $('cascade-saved').textContent = requests ? usd(c.savedUsd) : '–';
  $('cascade-saved').dataset.cascades = String(requests);
  $('cascade-detail').textContent = requests
    ? requests + ' cascade' + (requests === 1 ? '' : 's') + ', ' + number(c.escalated) + ' escalated, net '
      + usd(c.netSavedUsd)
    : 'no cascade requests';
}

function showCache(cache) {
  const c = cache || {};
  const hits = Number(c.hits || 0);
  $('cache-saved').textContent = hits ? usd(c.savedUsd) : '–';
  $('cache-saved').dataset.cacheHits = String(hits);
  $('cache-detail').textContent = hits
    ? number(hits) + ' answer' + (hits === 1 ? '' : 's') + ' from the cache, ' + (100 * Number(c.hitRatio || 0)).toFixed(1)
      + '% of requests'
    : 'no answers from the cache';
}

function showExperiments(list) {
  const body = document.querySelector('#experiments tbody');
  const experiments = (list && list.experiments) || [];
  if (experiments.length === 0) {
    return;
  }
  body.textContent = '';
  for (const e of experiments) {
    for (const arm of e.arms || []) {
      const row = document.createElement('tr');
      row.dataset.experiment = e.id;
      const score = arm.score || {};
      const ci = score.ci95 ? ' (' + score.ci95[0].toFixed(2) + '–' + score.ci95[1].toFixed(2) + ')' : '';
      const cells = [e.id, 'v' + arm.version, arm.weight, number(arm.requests), number(arm.errors),
        arm.meanCostUsd === undefined ? '–' : usd(arm.meanCostUsd), arm.meanLatencyMs === undefined ? '–' : arm.meanLatencyMs,
        score.n ? Number(score.mean).toFixed(2) + ci + ', n=' + score.n : 'no scores',
        e.winner === arm.version ? 'winner (p=' + e.pValue + ')' : (e.winner === null ? e.reason : '')];
      for (const value of cells) {
        const cell = document.createElement('td');
        cell.textContent = String(value);
        row.appendChild(cell);
      }
      body.appendChild(row);
    }
  }
}

function showBudgets(budgets) {
  const box = $('budgets');
  if (!budgets || budgets.length === 0) {
    return;
  }
  box.textContent = '';
  for (const b of budgets) {
    const percent = Math.max(0, Number(b.percent || 0));
    const thresholds = b.thresholds || [];
    const level = percent >= 100 ? 'over' : percent >= (thresholds[2] || 90) ? 'high'
        : percent >= (thresholds[1] || 75) ? 'warn' : '';
    const item = document.createElement('div');
    item.className = 'budget';
    item.dataset.budget = b.name;
    item.dataset.percent = percent.toFixed(1);
    const head = document.createElement('div');
    head.className = 'head';
    const name = document.createElement('strong');
    name.textContent = b.name + ' · ' + b.scope + (b.key ? ' ' + b.key : '') + ' · ' + b.period + ' · ' + b.policy;
    const spent = document.createElement('span');
    spent.textContent = usd(b.spentUsd) + ' of ' + usd(b.limitUsd) + ' (' + percent.toFixed(1) + '%), '
        + usd(b.remainingUsd) + ' left, resets ' + b.resetsAt;
    head.append(name, spent);
    const bar = document.createElement('div');
    bar.className = 'bar';
    const fill = document.createElement('div');
    fill.className = 'fill ' + level;
    fill.style.width = Math.min(100, percent) + '%';
    bar.append(fill);
    for (const t of thresholds) {
      const mark = document.createElement('div');
      mark.className = 'threshold';
      mark.style.left = t + '%';
      mark.title = t + '%';
      bar.append(mark);
    }
    item.append(head, bar);
    box.append(item);
  }
}

function showErrors(errors) {
  const body = $('errors').querySelector('tbody');
  if (!errors || errors.length === 0) {
    return;
  }
  body.textContent = '';
  for (const e of errors) {
    const row = document.createElement('tr');
    for (const value of [e.at, e.requestId, e.provider, e.model, e.outcome, e.message]) {
      cell(row, value);
    }
    body.append(row);
  }
}

function showAlerts(alerts) {
  const firing = $('alerts-firing');
  firing.textContent = '';
  for (const a of alerts.firing || []) {
    const item = document.createElement('li');
    item.className = 'alert';
    item.dataset.alertType = a.type;
    item.textContent = a.message + ' (since ' + a.at + ')';
    firing.append(item);
  }
  if (!firing.children.length) {
    const none = document.createElement('li');
    none.className = 'muted';
    none.textContent = 'nothing firing';
    firing.append(none);
  }
  const body = $('alerts').querySelector('tbody');
  if (!(alerts.alerts || []).length) {
    return;
  }
  body.textContent = '';
  for (const a of alerts.alerts) {
    const row = document.createElement('tr');
    row.className = a.state;
    for (const value of [a.at, a.type, a.state, a.provider || a.budget, a.message]) {
      cell(row, value);
    }
    body.append(row);
  }
}

function showAgreement(agreement) {
  const bounds = agreement.bounds || [];
  const labels = bounds.map((b, i) => (i === 0 ? '0' : bounds[i - 1].toFixed(1)) + '–' + b.toFixed(1));
  const algorithms = Object.keys(agreement.algorithms || {});
  const datasets = algorithms.map((name, i) => ({
    label: name + ' (' + agreement.algorithms[name].count + ' votes)',
    data: agreement.algorithms[name].counts,
    backgroundColor: i === 0 ? COLORS.agreement : COLORS.models[i % COLORS.models.length]
  }));
  draw('agreement', 'bar', labels, datasets.length ? datasets : [{ label: 'no consensus votes yet', data: [] }],
      { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
}

function showLatency(latency, period) {
  const providers = (latency && latency.providers) || {};
  const slots = [...new Set(Object.values(providers).flat().map(p => p.at))].sort();
  const label = at => period === 'day' ? at.substring(11, 16) : at.substring(0, 10);
  const datasets = [];
  Object.keys(providers).forEach((provider, i) => {
    const color = COLORS.latency[i % COLORS.latency.length];
    const byAt = Object.fromEntries(providers[provider].map(p => [p.at, p]));
    datasets.push({ label: provider + ' p95', data: slots.map(at => byAt[at] ? byAt[at].p95Ms : null),
      borderColor: color, backgroundColor: color, spanGaps: true, pointRadius: 4 });
    datasets.push({ label: provider + ' p50', data: slots.map(at => byAt[at] ? byAt[at].p50Ms : null),
      borderColor: color, backgroundColor: color, borderDash: [6, 4], spanGaps: true, pointRadius: 3 });
  });
  draw('latency', 'line', slots.map(label), datasets.length ? datasets : [{ label: 'no answered calls yet', data: [] }],
      { scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } } } });
}

async function load() {
  const period = $('period').value;
  try {
    const [byProvider, byModel, byTenant, agreement, alerts, experiments] = await Promise.all([
      getJson('/api/v1/usage?period=' + period + '&by=provider&include=latency,cascade'),
      getJson('/api/v1/usage?period=' + period + '&by=model'),
      getJson('/api/v1/usage?period=' + period + '&by=tenant'),
      getJson('/api/v1/agreement?period=' + period),
      getJson('/api/v1/alerts?limit=20'),
      getJson('/api/v1/experiments')
    ]);
    showTotals(byProvider);
    showCascade(byProvider.cascade);
    showCache(byProvider.cache);
    showExperiments(experiments);
    const providers = byProvider.rows || [];
    draw('cost-by-provider', 'bar', providers.map(r => r.key),
        [{ label: 'USD', data: providers.map(r => Number(r.costUsd)), backgroundColor: COLORS.cost }],
        { plugins: { legend: { display: false } } });
    draw('tokens-by-provider', 'bar', providers.map(r => r.key), [
      { label: 'input', data: providers.map(r => r.inputTokens), backgroundColor: COLORS.input },
      { label: 'output', data: providers.map(r => r.outputTokens), backgroundColor: COLORS.output }
    ], { scales: { x: { stacked: true }, y: { stacked: true } } });
    const models = byModel.rows || [];
    draw('cost-by-model', 'doughnut', models.map(r => r.key),
        [{ data: models.map(r => Number(r.costUsd)),
           backgroundColor: models.map((r, i) => COLORS.models[i % COLORS.models.length]) }],
        { plugins: { legend: { position: 'right' } } });
    const tenants = byTenant.rows || [];
    draw('spend-by-tenant', 'bar', tenants.map(r => r.key),
        [{ label: 'USD', data: tenants.map(r => Number(r.costUsd)), backgroundColor: COLORS.tenant }],
        { plugins: { legend: { display: false } } });
    showLatency(byProvider.latency, period);
    showAgreement(agreement);
    showAlerts(alerts);
    showBudgets(byProvider.budgets);
    showErrors(byProvider.recentErrors);
    $('status').textContent = 'updated ' + new Date().toISOString().substring(11, 19) + ' UTC';
    document.body.dataset.rendered = 'true';
  } catch (e) {
    $('status').textContent = 'could not load: ' + e.message;
    document.body.dataset.error = e.message;
  }
}

$('period').addEventListener('change', load);
load();
setInterval(load, 15000);
