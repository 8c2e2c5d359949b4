// The operator page. Plain JavaScript, no build step and nothing from another origin: the service serves this file.
// Data comes from /switchboard/api (same sign-in as the page); /switchboard/events says whose referrals changed.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const MAX_SHOWN = 100;
  const state = { session: null, people: [], units: [], results: [], active: -1, open: null, everConnected: false };

  // Diacritics-insensitive: "orjan" finds Örjan, "sjoberg" Sjöberg.
  const fold = (text) => (text || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const digits = (text) => (text || '').replace(/[\s-]/g, '');
  const phoneText = (phone) => (phone === 'open' ? 'öppen' : 'stängd');

  async function call(path, init) {
    const response = await fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...(init && init.headers) } });
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = null; }
    return { ok: response.ok, status: response.status, body };
  }

  async function get(path) {
    const result = await call(path);
    if (!result.ok) throw new Error(`${path}: ${result.status}`);
    return result.body;
  }

  function haystack(person) {
    return { text: fold([person.name, person.upn, person.unitName, person.municipality].join(' ')), ext: digits(person.extension) };
  }

  function search(query) {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const matches = (text, ext) => words.every((w) => text.includes(w) || (/^[\d\s-]+$/.test(w) && ext.includes(digits(w))));
    const units = words.length === 0 ? [] : state.units.filter((u) => matches(fold(`${u.name} ${u.municipality}`), ''))
      .map((u) => ({ kind: 'unit', id: u.id, unit: u }));
    const people = state.people.filter((p) => words.length === 0 || matches(p.hay.text, p.hay.ext))
      .map((p) => ({ kind: 'person', id: p.id, person: p }));
    return units.concat(people);
  }

  function statusBadge(p) {
    const span = document.createElement('span');
    if (p.state === 'available') {
      span.className = 'badge available';
      span.textContent = 'Tillgänglig';
    } else {
      span.className = `badge referred${p.phone === 'closed' ? ' closed' : ''}`;
      span.textContent = `${cap(p.reasonText)} ${p.returnsText || ''}`.trim();
    }
    return span;
  }

  const cap = (text) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : '');

  function renderResults() {
    const list = $('traffar');
    const query = $('sok').value;
    state.results = search(query);
    if (state.active >= state.results.length) state.active = state.results.length - 1;
    if (state.active < 0 && state.results.length > 0 && query.trim()) state.active = 0;
    const shown = state.results.slice(0, MAX_SHOWN);
    list.replaceChildren(...shown.map((r, i) => {
      const li = document.createElement('li');
      li.id = `t-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === state.active));
      li.dataset.kind = r.kind;
      li.dataset.id = r.id;
      const name = document.createElement('span');
      name.className = 'n';
      const meta = document.createElement('span');
      meta.className = 'm';
      const side = document.createElement('span');
      side.className = 's';
      if (r.kind === 'unit') {
        name.textContent = r.unit.name;
        meta.textContent = r.unit.municipality;
        const badge = document.createElement('span');
        badge.className = 'badge unit';
        badge.textContent = 'Enhet';
        side.append(badge);
      } else {
        const p = r.person;
        name.textContent = p.name;
        meta.textContent = [p.unitName, p.municipality, p.extension].filter(Boolean).join(' · ');
        side.append(statusBadge(p));
      }
      const left = document.createElement('span');
      left.append(name, document.createElement('br'), meta);
      li.append(left, side);
      li.addEventListener('click', () => { state.active = i; open(r); });
      return li;
    }));
    const count = state.results.length;
    $('antal').textContent = count === 0 ? 'Inga träffar.'
      : count > MAX_SHOWN ? `${count} träffar, de första ${MAX_SHOWN} visas.` : `${count} ${count === 1 ? 'träff' : 'träffar'}.`;
    markActive();
  }

  function markActive() {
    const input = $('sok');
    const items = $('traffar').children;
    for (let i = 0; i < items.length; i++) items[i].setAttribute('aria-selected', String(i === state.active));
    if (state.active >= 0 && items[state.active]) {
      input.setAttribute('aria-activedescendant', items[state.active].id);
      items[state.active].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function onSearchKey(event) {
    const last = Math.min(state.results.length, MAX_SHOWN) - 1;
    if (event.key === 'ArrowDown') {
      state.active = Math.min(state.active + 1, last);
      markActive();
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      state.active = Math.max(state.active - 1, 0);
      markActive();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      const chosen = state.results[state.active >= 0 ? state.active : 0];
      if (chosen) open(chosen);
      event.preventDefault();
    } else if (event.key === 'Escape' && !state.open) {
      $('sok').value = '';
      state.active = -1;
      renderResults();
      event.preventDefault();
    }
  }

  async function open(result) {
    state.open = { kind: result.kind, id: result.id };
    announce('');
    await renderOpen();
    const view = $('vy');
    view.hidden = false;
    document.body.classList.add('has-detail');
    // Focus moves to what was opened (screen readers read it; Tab reaches its buttons); the header stays in sight.
    view.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  function close() {
    state.open = null;
    $('vy').hidden = true;
    document.body.classList.remove('has-detail');
    const input = $('sok');
    input.focus();
    input.select();
    markActive();
  }

  async function renderOpen() {
    if (!state.open) return;
    const { kind, id } = state.open;
    if (kind === 'person') {
      const detail = await get(`/switchboard/api/people/${encodeURIComponent(id)}`);
      replacePerson(detail.person);
      if (state.open && state.open.id === id) renderPerson(detail);
    } else {
      const unit = await get(`/switchboard/api/units/${encodeURIComponent(id)}`);
      if (state.open && state.open.id === id) renderUnit(unit);
    }
  }

  function fill(root, field, text) {
    const element = root.querySelector(`[data-f="${field}"]`);
    element.textContent = text;
    return element;
  }

  function renderPerson(detail) {
    const p = detail.person;
    const view = $('vy-innehall');
    const content = $('person-mall').content.cloneNode(true);
    content.querySelector('.name').textContent = p.name;
    content.querySelector('.sub').textContent = [p.unitName, p.municipality, p.extension ? `anknytning ${p.extension}` : null, p.upn].filter(Boolean).join(' · ');
    fill(content, 'state', p.state === 'available' ? 'Tillgänglig' : 'Hänvisad');
    fill(content, 'reason', p.reasonText ? cap(p.reasonText) : '–');
    fill(content, 'returns', p.returnsText ? `${p.returnsText}` : '–');
    fill(content, 'phone', cap(phoneText(p.phone)));
    fill(content, 'forward', p.forwardTo ? `Samtalen kopplas till ${p.forwardTo}` : 'Ingen');
    fill(content, 'talsvar', p.talsvar || 'Inget talsvar (tillgänglig).');
    fill(content, 'note', detail.note || '–');
    fill(content, 'next', detail.next ? `${cap(detail.next.reasonText)} ${detail.next.text}` : 'Ingen den närmaste veckan.');
    const unitButton = content.querySelector('[data-act="unit"]');
    unitButton.textContent = `Visa enheten ${p.unitName}, ${p.municipality}`;
    unitButton.addEventListener('click', () => open({ kind: 'unit', id: p.unitId }));
    const end = content.querySelector('[data-act="end"]');
    end.disabled = p.state === 'available';
    end.addEventListener('click', () => endReferral(p));
    const form = content.querySelector('form');
    const reason = form.elements.reason;
    for (const choice of state.session.reasons) reason.append(new Option(cap(choice.text), choice.code));
    form.elements.until.value = inAnHour();
    form.addEventListener('submit', (event) => { event.preventDefault(); register(p, form, false); });
    form.querySelector('[data-act="confirm-forward"]').addEventListener('click', () => register(p, form, true));
    form.querySelector('[data-act="other-colleague"]').addEventListener('click', () => {
      form.elements.forwardTo.value = '';
      clearErrors(form);
      form.elements.forwardTo.focus();
    });
    // Anything changed in the form (another colleague, another time, reason...): the question was about what was checked
    // before, so confirming now would forward for a period nobody checked. Registering again checks and asks anew.
    form.addEventListener('input', () => { form.querySelector('[data-f="confirm"]').hidden = true; });
    // Escape in a filled colleague field (its suggestions open, most likely) empties it; the next Escape goes back.
    form.elements.forwardTo.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && form.elements.forwardTo.value) {
        form.elements.forwardTo.value = '';
        form.querySelector('[data-f="confirm"]').hidden = true;
        event.preventDefault();
        event.stopPropagation();
      }
    });
    view.replaceChildren(content);
  }

  function renderUnit(view) {
    const content = $('enhet-mall').content.cloneNode(true);
    content.querySelector('.name').textContent = view.unit.name;
    content.querySelector('.sub').textContent = `${view.unit.municipality} · minst ${view.minimumStaffed} nåbar i telefontiden`;
    const reachable = view.members.filter((m) => view.reachableNow.includes(m.id));
    list(content, 'reachable', reachable.length ? reachable.map((m) => `${m.name}${m.extension ? ` (${m.extension})` : ''}`) : ['Ingen är nåbar just nu.']);
    list(content, 'hours', view.phoneHoursToday.length ? view.phoneHoursToday.map((h) => h.text) : ['Ingen telefontid i dag.']);
    const gaps = view.gapsToday.map((g) => `${g.when.text}: ${g.reachable} nåbar – ${g.away.join(', ')}`);
    const gapList = list(content, 'gaps', gaps.length ? gaps : ['Inga luckor.']);
    if (gaps.length) gapList.classList.add('gap');
    const members = fillList(content, 'members');
    for (const m of view.members) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = m.name;
      button.addEventListener('click', () => open({ kind: 'person', id: m.id }));
      li.append(button, ' ', statusBadge(m));
      members.append(li);
    }
    $('vy-innehall').replaceChildren(content);
  }

  function fillList(root, field) {
    return root.querySelector(`[data-f="${field}"]`);
  }

  function list(root, field, lines) {
    const element = fillList(root, field);
    element.replaceChildren(...lines.map((line) => { const li = document.createElement('li'); li.textContent = line; return li; }));
    return element;
  }

  // The service's time, not the browser's: an hour from now, to the quarter, as datetime-local wants it.
  function inAnHour() {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(state.now || state.session.now);
    const t = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]) + 60 * 60 * 1000);
    t.setUTCMinutes(Math.ceil(t.getUTCMinutes() / 15) * 15);
    return t.toISOString().slice(0, 16);
  }

  // confirmed: the operator chose to forward to a colleague who is not reachable for all of the time.
  async function register(person, form, confirmed) {
    clearErrors(form);
    const body = { reason: form.elements.reason.value, until: form.elements.until.value };
    if (form.elements.phone.value) body.phone = form.elements.phone.value;
    if (form.elements.note.value.trim()) body.note = form.elements.note.value.trim();
    if (form.elements.forwardTo.value.trim()) {
      body.forwardTo = form.elements.forwardTo.value.trim();
      if (confirmed) body.forwardConfirmed = 'true';
    }
    const result = await write('PUT', person.id, body);
    if (result.ok) {
      await renderOpen();
      const forwarded = result.body && result.body.forwardTo ? ` Samtalen kopplas till ${result.body.forwardTo.name}.` : '';
      announce(`Hänvisningen för ${person.name} är registrerad.${forwarded}`);
    } else {
      showErrors(form, result);
    }
  }

  async function endReferral(person) {
    const result = await write('DELETE', person.id);
    if (result.ok) {
      await renderOpen();
      announce(`${person.name} är tillbaka: hänvisningen är avslutad.`);
    } else {
      const form = $('vy-innehall').querySelector('form');
      showErrors(form, result);
    }
  }

  function write(method, personId, body) {
    const headers = { 'X-PresenceBot-Antiforgery': state.session.antiforgery };
    if (body) headers['Content-Type'] = 'application/json';
    return call(`/switchboard/api/people/${encodeURIComponent(personId)}/referral`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-e]').forEach((e) => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    form.querySelector('[data-f="confirm"]').hidden = true;
    const summary = form.querySelector('.form-error');
    summary.hidden = true;
    summary.textContent = '';
  }

  function showErrors(form, result) {
    const problem = result.body || {};
    const messages = [];
    for (const [field, errors] of Object.entries(problem.errors || {})) {
      const slot = form.querySelector(`[data-e="${field}"]`);
      // The colleague is not reachable for part of the time: say when (the API's words), and offer to confirm.
      const text = field === 'forwardTo' && problem.unreachable
        ? `${problem.unreachable}. Vidarekoppla ändå, eller välj en annan kollega.` : errors.join(' ');
      messages.push(text);
      if (slot) {
        slot.textContent = text;
        const input = form.elements[field];
        if (input) input.setAttribute('aria-invalid', 'true');
      }
    }
    if (messages.length === 0) messages.push([problem.title, problem.detail].filter(Boolean).join(' ') || `Något gick fel (${result.status}).`);
    const summary = form.querySelector('.form-error');
    summary.textContent = `Inget sparades. ${messages.join(' ')}`;
    summary.hidden = false;
    if (problem.unreachable) {
      const confirm = form.querySelector('[data-f="confirm"]');
      confirm.hidden = false;
      confirm.querySelector('button').focus();
    }
  }

  function announce(text) {
    $('besked').textContent = text;
  }

  function replacePerson(entry) {
    const index = state.people.findIndex((p) => p.id === entry.id);
    const person = { ...entry, hay: haystack(entry) };
    if (index >= 0) state.people[index] = person; else state.people.push(person);
  }

  async function loadDirectory() {
    const directory = await get('/switchboard/api/people');
    state.now = directory.now;
    state.units = directory.units;
    state.people = directory.people.map((p) => ({ ...p, hay: haystack(p) }));
    // Suggestions for the forwarding field: the e-mail address names one colleague, whatever their name shares.
    $('kollegor').replaceChildren(...state.people.map((p) => new Option(`${p.name} · ${p.unitName}, ${p.municipality}`, p.upn)));
    renderResults();
  }

  // Changes arrive as person ids. One read at a time, so an older answer can never overwrite a newer one; ids that
  // arrive meanwhile are read together once it is done.
  const pending = new Set();
  let reading = false;
  function changed(personId) {
    pending.add(personId);
    if (!reading) readChanges();
  }

  async function readChanges() {
    reading = true;
    try {
      while (pending.size > 0) {
        const ids = [...pending];
        pending.clear();
        await Promise.all(ids.map(async (id) => {
          const detail = await get(`/switchboard/api/people/${encodeURIComponent(id)}`);
          replacePerson(detail.person);
          if (state.open && state.open.kind === 'person' && state.open.id === id && !formBusy()) renderPerson(detail);
        }));
        renderResults();
        if (state.open && state.open.kind === 'unit') await renderOpen();
      }
    } catch {
      // A failed read: the next change or reconnect reads again.
    } finally {
      reading = false;
    }
  }

  // An operator typing in the form keeps what they typed; the facts above it still update on the next render.
  function formBusy() {
    const form = $('vy-innehall').querySelector('form');
    return form && form.contains(document.activeElement) && document.activeElement.tagName !== 'BUTTON';
  }

  function setConnection(connected) {
    const status = $('connection');
    status.className = `connection ${connected ? 'ok' : 'away'}`;
    status.textContent = connected ? 'Direktuppdaterad' : 'Förbindelsen bröts – försöker ansluta igen. Uppgifterna kan vara inaktuella.';
  }

  function connect() {
    const events = new EventSource('/switchboard/events');
    events.addEventListener('hello', async () => {
      setConnection(true);
      // Whatever changed while the stream was down: reload all of it.
      if (state.everConnected) {
        await loadDirectory();
        await renderOpen();
      }
      state.everConnected = true;
    });
    events.addEventListener('changed', (event) => changed(JSON.parse(event.data).person));
    events.addEventListener('error', () => {
      setConnection(false);
      if (events.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
    });
  }

  async function start() {
    const input = $('sok');
    input.addEventListener('input', () => { state.active = -1; renderResults(); });
    input.addEventListener('keydown', onSearchKey);
    $('tillbaka').addEventListener('click', close);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && state.open) {
        event.preventDefault();
        close();
      }
    });
    input.focus();
    state.session = await get('/switchboard/api/session');
    $('operator').textContent = state.session.operator;
    await loadDirectory();
    connect();
  }

  start();
})();
