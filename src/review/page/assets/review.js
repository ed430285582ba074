// The review page: one record at a time from a queue, with the tagger's
// evidence highlighted, a label per tag (accept or correct with one key),
// and a comment. Narratives are untrusted text: they only ever reach the
// page through textContent, never as HTML.

const $ = (id) => document.getElementById(id);
const state = { me: null, tags: [], queues: [], items: [], index: 0, record: null, labels: {}, total: 0, done: 0 };

async function api(path, options = {}) {
  const res = await fetch(path, { credentials: 'same-origin', ...options, headers: { 'Content-Type': 'application/json', ...(options.headers ?? {}) } });
  if (res.status === 401) {
    window.location.assign('/review/login');
    throw new Error('signed out');
  }
  const data = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(data?.error?.message ?? `request failed (${res.status})`);
  return data;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const keyFor = (i) => String((i + 1) % 10);
const tagName = (t) => t.replace(/_/g, ' ');

function setStatus(message, isError = false) {
  $('status').textContent = message;
  $('status').className = isError ? 'error' : '';
}

async function init() {
  state.me = await api('/v1/review/me');
  $('who').textContent = `${state.me.username} (${state.me.role})`;
  const meta = await api('/v1/review/queues');
  state.tags = meta.tags;
  state.queues = meta.queues.filter((q) => q.id !== 'conflict' || state.me.role === 'adjudicator');
  for (const q of state.queues) $('queue').append(el('option', { value: q.id }, q.id));
  for (const t of state.tags) $('tag').append(el('option', { value: t }, tagName(t)));
  for (const r of meta.runs) $('run').append(el('option', { value: String(r.id) }, `${r.id}: ${r.source} (${r.records} records)`));
  const params = new URLSearchParams(window.location.search);
  if (params.get('queue')) $('queue').value = params.get('queue');
  if (params.get('tag')) $('tag').value = params.get('tag');
  if (params.get('run')) $('run').value = params.get('run');
  for (const id of ['queue', 'tag', 'run']) $(id).addEventListener('change', () => loadQueue(0));
  $('prev').addEventListener('click', () => go(-1));
  $('next').addEventListener('click', () => go(1));
  $('save').addEventListener('click', save);
  $('reset').addEventListener('click', acceptAll);
  $('search').addEventListener('submit', (event) => {
    event.preventDefault();
    search($('search-id').value.trim());
  });
  $('logout').addEventListener('click', async () => {
    await api('/v1/review/logout', { method: 'POST', body: '{}' });
    window.location.assign('/review/login');
  });
  document.addEventListener('keydown', onKey);
  await loadQueue(0);
}

async function loadQueue(startAt) {
  const queue = $('queue').value;
  const query = new URLSearchParams({ queue, limit: '1000' });
  if ($('tag').value) query.set('tag', $('tag').value);
  if ($('run').value) query.set('run', $('run').value);
  $('queue-help').textContent = state.queues.find((q) => q.id === queue)?.description ?? '';
  history.replaceState(null, '', `/review?${query.toString().replace(/&?limit=1000/, '')}`);
  const page = await api(`/v1/review/queue?${query}`);
  state.items = page.items;
  state.total = page.total;
  state.done = page.reviewed_by_me;
  updateProgress();
  // Start at the first record this reviewer has not done yet.
  const firstOpen = state.items.findIndex((i) => !i.reviewed_by_me);
  state.index = startAt || (firstOpen >= 0 ? firstOpen : 0);
  $('empty').hidden = state.items.length > 0;
  $('record').hidden = state.items.length === 0;
  if (state.items.length > 0) await show();
}

function updateProgress() {
  $('progress').textContent = `${state.done} of ${state.total} reviewed by you`;
  $('progress-bar').max = Math.max(1, state.total);
  $('progress-bar').value = state.done;
}

async function show() {
  const item = state.items[state.index];
  const queue = $('queue').value;
  const record = await api(`/v1/review/records/${item.key}?queue=${queue}`);
  state.record = record;
  const given = new Set(record.result.tags);
  state.labels = Object.fromEntries(state.tags.map((t) => [t, record.my_review ? record.my_review.labels[t] : given.has(t) ? 1 : 0]));
  $('comment').value = record.my_review?.comment ?? '';
  $('position').textContent = `${state.index + 1} / ${state.items.length}`;
  $('record-id').textContent = `record ${record.id} (run ${record.run})`;
  $('record-state').textContent = record.my_review ? `you reviewed this at ${record.my_review.created_at.replace('T', ' ').slice(0, 16)}; saving again replaces your review` : '';
  $('prev').disabled = state.index === 0;
  $('next').disabled = state.index >= state.items.length - 1;
  renderFields(record);
  renderText(record);
  renderTags(record);
  renderOthers(record);
  setStatus('');
}

/** Find a record by the export's id: its loads become the list being reviewed, in the chosen queue. */
async function search(id) {
  if (!id) return;
  const found = await api(`/v1/review/records?id=${encodeURIComponent(id)}`);
  if (found.items.length === 0) {
    setStatus(`no record with id ${id}`, true);
    return;
  }
  state.items = found.items.map((i) => ({ ...i, reviewed_by_me: false, searched: true }));
  state.index = 0;
  $('empty').hidden = true;
  $('record').hidden = false;
  await show();
  setStatus(`found ${found.items.length} record${found.items.length === 1 ? '' : 's'} with id ${id} (queues: ${[...new Set(found.items.flatMap((i) => i.queues))].join(', ') || 'none'})`);
}

/** The export's other columns (offence, date, ward...). */
function renderFields(record) {
  const box = $('fields');
  box.replaceChildren();
  for (const [name, value] of Object.entries(record.fields ?? {})) box.append(el('div', {}, el('dt', {}, name), el('dd', {}, value === '' ? '-' : value)));
}

/** For the adjudicator: each other review's comment beside its reviewer. */
function renderOthers(record) {
  const others = record.other_reviews ?? [];
  $('others').hidden = others.length === 0;
  $('other-comments').replaceChildren(...others.map((o) => el('li', {}, el('strong', {}, `${o.reviewer} (${o.role}): `), o.comment.trim() === '' ? el('span', { className: 'none' }, 'no comment') : o.comment)));
}

/**
 * The narrative split at every cue boundary, each piece marked with what
 * covers it: evidence counted for a yes (ev), cues of a tag decided no (seen),
 * discounted cues (disc), and keyword-method hits (kw).
 */
function renderText(record) {
  const text = record.text;
  const kindOf = (cue) => (cue.kind === 'discounted' ? 'disc' : cue.counted ? 'ev' : 'seen');
  const spans = [
    ...Object.entries(record.why).flatMap(([tag, cues]) => cues.map((c) => ({ ...c, tag, kind: kindOf(c), label: `${tagName(tag)}: ${c.explanation}` }))),
    ...record.keyword_hits.filter((h) => h.start >= 0).map((h) => ({ ...h, kind: 'kw', label: `${tagName(h.tag)}: ${keywordWords(h)}` })),
  ];
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = $('text');
  box.replaceChildren();
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    const piece = text.slice(from, to);
    if (covering.length === 0) {
      box.append(document.createTextNode(piece));
      continue;
    }
    const kinds = new Set(covering.map((s) => s.kind));
    const node = el(kinds.has('ev') ? 'mark' : 'span', { className: [...kinds].join(' '), title: covering.map((s) => s.label).join('\n') }, piece);
    node.dataset.tags = [...new Set(covering.map((s) => s.tag))].join(' ');
    box.append(node);
  }
}

/** "keyword "bar" inside "barrier"": the keyword and the word of the narrative that holds it. */
function keywordWords(hit) {
  return hit.insideWord ? `keyword "${hit.keyword}" inside "${hit.word}"` : `keyword "${hit.keyword}"`;
}

function renderTags(record) {
  const given = new Set(record.result.tags);
  const band = new Set(record.result.needs_review);
  const keyword = new Set(record.keyword_tags);
  const others = record.other_reviews ?? [];
  const head = $('tags').querySelector('thead tr');
  head.querySelectorAll('.other').forEach((n) => n.remove());
  for (const o of others) head.insertBefore(el('th', { className: 'other' }, o.reviewer), head.lastElementChild);
  const body = $('tags').querySelector('tbody');
  body.replaceChildren();
  state.tags.forEach((t, i) => {
    const why = el('td', { className: 'why' });
    // The note names the role rule that linked a relationship ("... (role.subject_acts)").
    for (const c of record.why[t]) {
      const className = c.kind === 'discounted' ? 'disc-reason' : c.counted ? '' : 'seen-reason';
      why.append(el('div', { className, 'data-kind': c.kind }, `"${c.text}" ${c.explanation}`));
    }
    const hits = record.keyword_hits.filter((h) => h.tag === t);
    // One line per distinct keyword and word: "pub" in "public" five times is one reason.
    for (const line of new Set(hits.map(keywordWords))) why.append(el('div', { className: 'kw-reason' }, `keyword method: ${line.replace(/^keyword /, '')}`));
    if (!why.hasChildNodes()) why.append(el('span', { className: 'none' }, given.has(t) ? '' : 'no cue found'));
    const labelButton = el('button', { type: 'button', className: 'label', 'data-tag': t, 'aria-label': `${tagName(t)}: your label` });
    labelButton.addEventListener('click', () => toggle(t));
    const row = el(
      'tr',
      { 'data-tag': t, className: band.has(t) ? 'band' : '' },
      el('td', {}, el('kbd', {}, keyFor(i))),
      el('td', {}, tagName(t)),
      el('td', { className: given.has(t) ? 'yes' : 'no' }, given.has(t) ? 'yes' : 'no'),
      el('td', {}, `${record.result.scores[t].toFixed(2)}${band.has(t) ? ' (unsure)' : ''}`),
      el('td', { className: keyword.has(t) ? 'yes' : 'no' }, keyword.has(t) ? 'yes' : 'no'),
      why,
    );
    for (const o of others) row.append(el('td', { className: `other ${labelWord(o.labels[t])}${record.conflict_tags?.includes(t) ? ' conflict' : ''}` }, labelWord(o.labels[t])));
    row.append(el('td', {}, labelButton));
    body.append(row);
  });
  paintLabels();
}

const labelWord = (label) => (label === 'unsure' ? 'unsure' : label ? 'yes' : 'no');

function paintLabels() {
  const given = new Set(state.record.result.tags);
  for (const button of document.querySelectorAll('button.label')) {
    const t = button.dataset.tag;
    const label = state.labels[t];
    const corrected = label !== 'unsure' && label !== (given.has(t) ? 1 : 0);
    button.textContent = `${labelWord(label)}${corrected ? ' (corrected)' : ''}`;
    button.className = `label ${labelWord(label)}${corrected ? ' corrected' : ''}`;
    button.setAttribute('aria-pressed', String(label !== (given.has(t) ? 1 : 0)));
  }
}

/** One key cycles a tag: as tagged, corrected, unsure, and back. */
function toggle(tag) {
  const given = state.record.result.tags.includes(tag) ? 1 : 0;
  const label = state.labels[tag];
  state.labels[tag] = label === given ? 1 - given : label === 'unsure' ? given : 'unsure';
  paintLabels();
}

function acceptAll() {
  const given = new Set(state.record.result.tags);
  for (const t of state.tags) state.labels[t] = given.has(t) ? 1 : 0;
  paintLabels();
}

async function go(step) {
  const next = state.index + step;
  if (next < 0 || next >= state.items.length) return;
  state.index = next;
  await show();
}

let saving = false;
async function save() {
  if (saving || !state.record) return;
  saving = true;
  setStatus('saving…');
  try {
    const review = await api(`/v1/review/records/${state.record.key}/reviews`, {
      method: 'POST',
      body: JSON.stringify({ queue: $('queue').value, labels: state.labels, comment: $('comment').value }),
    });
    const item = state.items[state.index];
    // An unsure review leaves the record open in the queue.
    const decided = !Object.values(state.labels).includes('unsure');
    // Found by search: not a member of the queue's progress count.
    if (!item.searched && item.reviewed_by_me !== decided) {
      item.reviewed_by_me = decided;
      state.done += decided ? 1 : -1;
      updateProgress();
    }
    const message = decided ? `saved review ${review.id}` : `saved review ${review.id} (unsure: stays in your queue)`;
    if (state.index < state.items.length - 1) await go(1);
    setStatus(state.done === state.total ? `${message}; queue finished` : message);
  } catch (err) {
    setStatus(`not saved: ${err.message}`, true);
  } finally {
    saving = false;
  }
}

function onKey(event) {
  if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement) {
    if (event.key === 'Escape') event.target.blur();
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
    return;
  }
  if (event.target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey || !state.record) return;
  const digit = '1234567890'.indexOf(event.key);
  if (digit >= 0 && digit < state.tags.length) toggle(state.tags[digit]);
  else if (event.key === 'Enter') save();
  else if (event.key === 'a') acceptAll();
  else if (event.key === 'n' || event.key === 'ArrowRight') go(1);
  else if (event.key === 'p' || event.key === 'ArrowLeft') go(-1);
  else if (event.key === 'c') $('comment').focus();
  else if (event.key === '/') $('search-id').focus();
  else return;
  event.preventDefault();
}

init().catch((err) => {
  if (err.message !== 'signed out') setStatus(err.message, true);
});
