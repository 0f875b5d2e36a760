'use strict';
// The command-office dashboard. Everything shown comes from the API and goes in through textContent (never HTML).
const L = JSON.parse(document.getElementById('labels').textContent);
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem('ribaoToken') || '';
let streamGeneration = 0;
let board = new Map();
let selectedBulletin = null;
let me = null;

// What each role may do with a bulletin (DESIGN §3, §9): the office drafts and edits, the director approves, either
// releases. The server checks again; the page only leaves out what would be refused.
const ROLE_ACTIONS = {draft: ['OFFICE'], edit: ['OFFICE'], approve: ['DIRECTOR'], release: ['DIRECTOR', 'OFFICE']};

function may(action) {
  return me !== null && ROLE_ACTIONS[action].includes(me.role);
}

function today() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

function say(text) { $('message').textContent = text || ''; }

// The API gives instants with the jurisdiction's offset (2026-03-02T16:31:00+08:00): its wall-clock part is the
// time to show, whatever the browser's own time zone.
function wallClock(instant) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant || '');
  return m ? m[1] + ' ' + m[2] : (instant || '');
}

async function api(path, options = {}) {
  // the page is Chinese: its refusals are asked for in Chinese too, whatever the browser's own languages (decision 417)
  const headers = Object.assign({'Authorization': 'Bearer ' + token, 'Accept-Language': document.documentElement.lang},
      options.headers || {});
  const res = await fetch(path, Object.assign({}, options, {headers}));
  if (!res.ok) {
    let body = {};
    try { body = await res.json(); } catch (e) { body = {}; }
    const err = new Error(body.message || String(res.status));
    err.status = res.status;
    throw err;
  }
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res;
}

function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function renderCounts() {
  const units = [...board.values()];
  const count = (s) => units.filter((u) => u.status === s).length;
  $('count-expected').textContent = units.length;
  $('count-onTime').textContent = count('ON_TIME');
  $('count-late').textContent = count('LATE');
  $('count-missing').textContent = count('MISSING');
  $('count-pendingSignoff').textContent = count('PENDING_SIGNOFF');
}

function renderTile(u) {
  let tile = document.querySelector('.tile[data-unit-id="' + CSS.escape(u.unitId) + '"]');
  if (!tile) {
    tile = el('div', null, {'class': 'tile', 'data-unit-id': u.unitId});
    tile.append(el('span', u.name, {'class': 'name'}), el('span', '', {'class': 'state'}));
    tile.addEventListener('click', () => act(() => loadHistory(u.unitId)));
    $('board').append(tile);
  }
  tile.setAttribute('data-status', u.status);
  tile.querySelector('.state').textContent = L.status[u.status] || u.status;
}

async function loadBoard() {
  const day = await api('/api/v1/days/' + $('date').value + '/status');
  board = new Map(day.units.map((u) => [u.unitId, u]));
  $('board').replaceChildren();
  day.units.forEach(renderTile);
  renderCounts();
}

async function loadHistory(unitId) {
  const h = await api('/api/v1/units/' + encodeURIComponent(unitId) + '/history?days=30');
  $('history').hidden = false;
  $('history-name').textContent = h.name;
  $('history-days').querySelector('tbody').replaceChildren(...h.days.map((d) => {
    const flags = [d.zeroReport ? L.zeroReport : '', d.afterCutoff ? L.afterCutoff : '',
      d.revisedAfterDeadline ? L.revisedAfterDeadline : ''].filter((f) => f).join('、');
    const tr = el('tr');
    tr.append(el('td', d.date), el('td', L.status[d.status] || d.status),
      el('td', (d.signedBy || '') + (d.signer ? '（' + (L.signer[d.signer] || d.signer) + '）' : '')),
      el('td', d.revision), el('td', flags));
    return tr;
  }));
  $('history-revisions').querySelector('tbody').replaceChildren(...h.revisions.map((r) => {
    const lowered = r.lowered.map((c) => (c.name || c.code) + ' ' + c.from + '→' + c.to).join('；');
    const tr = el('tr');
    tr.append(el('td', r.date), el('td', r.revision), el('td', L.eventType[r.type] || r.type),
      el('td', r.submittedBy + ' ' + wallClock(r.submittedAt)),
      el('td', (r.signedBy || '') + ' ' + wallClock(r.signedAt)),
      el('td', lowered ? L.lowered + '：' + lowered : ''));
    return tr;
  }));
}

async function loadAlerts() {
  const alerts = await api('/api/v1/alerts?date=' + $('date').value);
  const rows = alerts.map((a) => {
    const tr = el('tr', null, {'data-alert-id': a.alertId});
    const unit = board.get(a.unitId);
    tr.append(el('td', L.alertType[a.type] || a.type), el('td', unit ? unit.name : a.unitId),
      el('td', a.message), el('td', wallClock(a.raisedAt)));
    const state = el('td');
    if (a.resolvedAt) {
      state.textContent = L.resolved;
    } else if (a.acknowledgedAt) {
      state.textContent = L.acked;
    } else if (me && me.unitId && me.unitId === a.unitId) {
      // an alert about the caller's own unit is acknowledged by those who oversee it (decision 430)
      state.textContent = L.awaitingAck;
    } else {
      const b = el('button', L.ack, {'type': 'button', 'class': 'ack'});
      b.addEventListener('click', () => act(() => api('/api/v1/alerts/' + encodeURIComponent(a.alertId) + '/ack',
        {method: 'POST'}).then(loadAlerts)));
      state.append(b);
    }
    tr.append(state);
    return tr;
  });
  $('alerts').querySelector('tbody').replaceChildren(...rows);
}

async function loadBulletins() {
  let list;
  try {
    list = await api('/api/v1/bulletins?date=' + $('date').value);
  } catch (e) {
    $('bulletins').replaceChildren(el('li', e.message));
    return;
  }
  const items = list.map((b) => {
    const li = el('li', null, {'data-bulletin-id': b.id, 'data-state': b.state});
    li.append(el('span', issueText(b) + 'v' + b.version + ' ' + (L.bulletinState[b.state] || b.state) + ' ',
      {'class': 'summary'}));
    const view = el('button', L.view, {'type': 'button', 'class': 'view'});
    view.addEventListener('click', () => act(() => showBulletin(b.id)));
    li.append(view);
    // the narrative is saved from the review pane, for the bulletin it shows (saveNarrative)
    if (b.state === 'DRAFT' && may('approve')) {
      const approve = el('button', L.approve, {'type': 'button', 'class': 'approve'});
      // approves only the draft as listed: one redrafted or edited since is refused (409) and shown again (decision 431)
      approve.addEventListener('click', () => act(() => step(b.id, 'approve',
        {method: 'POST', headers: {'If-Match': '"' + b.draftSha256 + '"'}}).catch(async (e) => {
        await loadBulletins();
        await showBulletin(b.id);
        throw e;
      })));
      li.append(approve);
    }
    if (b.state === 'APPROVED' && may('release')) {
      const release = el('button', L.release, {'type': 'button', 'class': 'release'});
      release.addEventListener('click', () => act(() => step(b.id, 'release', {method: 'POST'})));
      li.append(release);
    }
    return li;
  });
  $('bulletins').replaceChildren(...(items.length ? items : [el('li', L.none)]));
}

function issueText(b) {
  return b.issueNo ? '第' + b.issueNo + '期 ' : '';
}

// One workflow step on a bulletin, then the list and the open review show its new state.
async function step(id, action, options) {
  await api('/api/v1/bulletins/' + encodeURIComponent(id) + '/' + action, options);
  await loadBulletins();
  await showBulletin(id);
}

let previewUrl = null;

// The review pane: the bulletin's state and narrative, and its PDF. The PDF needs the bearer token, so it is
// fetched here and shown through an object URL typed as PDF (never as HTML, whatever the server sent).
async function showBulletin(id) {
  selectedBulletin = id;
  const path = '/api/v1/bulletins/' + encodeURIComponent(id);
  const full = await api(path);
  if (selectedBulletin !== id) return;
  // the pane's bulletin id and its narrative change together: a save sends this text to this bulletin only
  const editable = full.state === 'DRAFT' && may('edit');
  $('review').hidden = false;
  $('review').setAttribute('data-bulletin-id', id);
  $('review').setAttribute('data-state', full.state);
  $('review-title').textContent = full.title || '';
  $('review-state').textContent = L.bulletinState[full.state] || full.state;
  $('review-issue').textContent = issueText(full);
  $('narrative').value = full.narrative || '';
  $('narrative').readOnly = !editable;
  $('review-save').hidden = !editable;
  const bytes = await (await api(path + '/pdf')).arrayBuffer();
  if (new TextDecoder().decode(bytes.slice(0, 5)) !== '%PDF-') throw new Error(L.notPdf);
  const blob = new Blob([bytes], {type: 'application/pdf'});
  if (selectedBulletin !== id) return;
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(blob);
  $('pdf-preview').src = previewUrl;
  $('review-pdf-download').href = previewUrl;
  $('review-pdf-download').setAttribute('download', id + '.pdf');
}

// 保存下步工作: the text being edited, to the bulletin the review pane shows (never to another, never unseen).
async function saveNarrative() {
  const id = $('review').getAttribute('data-bulletin-id');
  if ($('review').hidden || !id) return;
  await step(id, 'narrative', {method: 'PUT', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({text: $('narrative').value})});
}

function closeReview() {
  selectedBulletin = null;
  $('review').hidden = true;
  $('review').removeAttribute('data-bulletin-id');
  $('review').removeAttribute('data-state');
  $('narrative').value = '';
  $('narrative').readOnly = true;
  $('review-save').hidden = true;
}

async function openHtml() {
  if (!selectedBulletin) return;
  const html = await api('/api/v1/bulletins/' + encodeURIComponent(selectedBulletin) + '/html');
  window.open(URL.createObjectURL(await html.blob()), '_blank', 'noopener');
}

async function loadLedger() {
  const q = '?from=' + $('ledger-from').value + '&to=' + $('ledger-to').value;
  const lines = await api('/api/v1/ledger' + q);
  $('ledger').querySelector('tbody').replaceChildren(...lines.map((l) => {
    const tr = el('tr', null, {'data-unit-id': l.unitId});
    tr.append(el('td', l.name), el('td', l.principal || ''), el('td', l.late), el('td', l.missing),
      el('td', l.unsigned), el('td', l.concealmentSuspected));
    return tr;
  }));
}

async function downloadLedger() {
  const q = '?from=' + $('ledger-from').value + '&to=' + $('ledger-to').value;
  const res = await api('/api/v1/ledger.xlsx' + q);
  const a = el('a', null, {'href': URL.createObjectURL(await res.blob()), 'download': 'ledger.xlsx'});
  document.body.append(a);
  a.click();
  a.remove();
}

async function loadInbox() {
  const items = await api('/api/v1/inbox');
  $('inbox').replaceChildren(...(items.length ? items.map((m) => el('li', wallClock(m.createdAt) + ' ' + m.title))
    : [el('li', L.none)]));
}

async function act(fn) {
  try { say(''); await fn(); } catch (e) { say(L.failed + '：' + e.message); }
}

let alertsTimer = null;
function onEvent(event) {
  if (event.type === 'reload') { act(loadAll); return; }
  if (event.date !== $('date').value) return;
  if (event.type === 'status') {
    const known = board.get(event.unitId);
    const unit = Object.assign({name: event.unitId}, known || {}, event);
    board.set(event.unitId, unit);
    renderTile(unit);
    renderCounts();
  } else if (event.type === 'alert') {
    clearTimeout(alertsTimer);
    alertsTimer = setTimeout(() => act(loadAlerts), 300);
  }
}

// EventSource cannot send the Authorization header, so the stream is read with fetch.
async function stream(generation) {
  while (generation === streamGeneration) {
    try {
      const res = await fetch('/api/v1/board/events', {headers: {'Authorization': 'Bearer ' + token}});
      if (!res.ok) throw new Error(String(res.status));
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      $('live').textContent = L.live;
      $('live').setAttribute('data-live', 'true');
      while (generation === streamGeneration) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, {stream: true});
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of chunk.split('\n')) {
            if (line.startsWith('data: ')) onEvent(JSON.parse(line.slice(6)));
          }
        }
      }
    } catch (e) {
      say(L.offline);
    }
    $('live').textContent = L.offline;
    $('live').setAttribute('data-live', 'false');
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function loadAll() {
  await loadBoard();
  await Promise.all([loadAlerts(), loadBulletins(), loadInbox()]);
}

// Who is logged in decides what the page offers; a new login closes what the previous user had open, and an
// earlier login still answering is ignored.
let loginGeneration = 0;
async function start() {
  const generation = ++loginGeneration;
  me = null;
  closeReview();
  $('draft').hidden = true;
  $('whoami').textContent = '';
  $('whoami').removeAttribute('data-user-id');
  try {
    const caller = await api('/api/v1/me');
    if (generation !== loginGeneration) return;
    me = caller;
    $('draft').hidden = !may('draft');
    await loadAll();
  } catch (e) {
    if (generation !== loginGeneration) return;
    say(e.status === 401 || e.status === 403 ? L.loginFailed : L.failed + '：' + e.message);
    return;
  }
  if (generation !== loginGeneration) return;
  // told once the page shows what this user may see and do
  $('whoami').textContent = me.name + '（' + (L.role[me.role] || me.role) + '）';
  $('whoami').setAttribute('data-user-id', me.userId);
  streamGeneration++;
  stream(streamGeneration);
}

// ?date=YYYY-MM-DD opens another day (links from messages, tests)
$('date').value = new URLSearchParams(location.search).get('date') || today();
$('ledger-from').value = today().slice(0, 8) + '01';
$('ledger-to').value = today();
$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  token = $('token').value.trim();
  sessionStorage.setItem('ribaoToken', token);
  start();
});
$('date').addEventListener('change', () => act(async () => {
  closeReview();
  await loadAll();
}));
$('draft').addEventListener('click', () => act(async () => {
  const b = await api('/api/v1/days/' + $('date').value + '/bulletin', {method: 'POST'});
  await loadBulletins();
  await showBulletin(b.id);
}));
$('review-save').addEventListener('click', () => act(saveNarrative));
$('review-html').addEventListener('click', () => act(openHtml));
$('ledger-form').addEventListener('submit', (e) => { e.preventDefault(); act(loadLedger); });
$('ledger-xlsx').addEventListener('click', () => act(downloadLedger));
if (token) start();
