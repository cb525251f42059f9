// Quorum's usage dashboard: reads GET /api/v1/usage (by provider and by model) and GET /api/v1/agreement, and draws
// them with the vendored Chart.js. No network beyond Quorum itself. Refreshes every 15 seconds.
'use strict';

const COLORS = {
  cost: '#1f77b4',
  input: '#2ca02c',
  output: '#ff7f0e',
  agreement: '#9467bd',
  models: ['#17becf', '#d62728', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#1f77b4', '#2ca02c']
};
const charts = {};

function $(id) { return document.getElementById(id); }

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status);
  }
  return response.json();
}

function usd(value) {
  const v = Number(value || 0);
  return '$' + (v >= 1 ? v.toFixed(2) : v.toPrecision(3));
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

function showTotals(usage) {
  const t = usage.totals || {};
  $('total-requests').textContent = number(t.requests);
  $('total-errors').textContent = number(t.errors);
  $('total-input').textContent = number(t.inputTokens);
  $('total-output').textContent = number(t.outputTokens);
  $('total-cost').textContent = usd(t.costUsd);
  $('range').textContent = (usage.from || '') + ' – ' + (usage.to || '');
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
    for (const value of [e.at, e.requestId, e.provider, e.model, e.outcome]) {
      const cell = document.createElement('td');
      cell.textContent = value == null ? '' : value;
      row.append(cell);
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

async function load() {
  const period = $('period').value;
  try {
    const [byProvider, byModel, agreement] = await Promise.all([
      getJson('/api/v1/usage?period=' + period + '&by=provider'),
      getJson('/api/v1/usage?period=' + period + '&by=model'),
      getJson('/api/v1/agreement')
    ]);
    showTotals(byProvider);
    const providers = byProvider.rows || [];
    draw('cost-by-provider', 'bar', providers.map(r => r.key),
        [{ label: 'USD', data: providers.map(r => r.costUsd), backgroundColor: COLORS.cost }],
        { plugins: { legend: { display: false } } });
    draw('tokens-by-provider', 'bar', providers.map(r => r.key), [
      { label: 'input', data: providers.map(r => r.inputTokens), backgroundColor: COLORS.input },
      { label: 'output', data: providers.map(r => r.outputTokens), backgroundColor: COLORS.output }
    ], { scales: { x: { stacked: true }, y: { stacked: true } } });
    const models = byModel.rows || [];
    draw('cost-by-model', 'doughnut', models.map(r => r.key),
        [{ data: models.map(r => r.costUsd), backgroundColor: models.map((r, i) => COLORS.models[i % COLORS.models.length]) }],
        { plugins: { legend: { position: 'right' } } });
    showAgreement(agreement);
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
