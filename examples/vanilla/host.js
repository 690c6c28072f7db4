// examples/vanilla/host.js: the demo host page's own script (a file, not inline: the page is served with a strict
// Content Security Policy, examples/strict-csp.ts).
// The host page: its own data (tracks, invitations) from its backend, pd-notify's elements for the rest.
const provider = document.getElementById('provider');
const invitations = document.getElementById('invitations');
const tbody = document.querySelector('#tracks tbody');
const log = document.getElementById('log');
provider.setAttribute('base-url', location.origin);
const token = () => provider.getAttribute('token');
// Any failure (offline, a server error) rejects: each caller says so on the page.
const api = async (path) => {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token()}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
};

// The tracks table, one row per track, kept by id and updated in place: a refresh never
// replaces the button that has focus.
const tracksStatus = document.getElementById('tracks-status');
// Set only when it changes: a live region told the same words every 5 s would repeat them.
const say = (text) => {
  if (tracksStatus.textContent !== text) tracksStatus.textContent = text;
};
const rowsById = new Map();
function trackRow(id) {
  let row = rowsById.get(id);
  if (row) return row;
  row = document.createElement('tr');
  row.dataset.trackId = id;
  const select = document.createElement('button');
  select.type = 'button';
  select.addEventListener('click', () => {
    invitations.trackId = invitations.trackId === id ? null : id;
    renderTracks();
  });
  const cells = [select, null, null, null].map((content) => {
    const cell = document.createElement('td');
    if (content) cell.append(content);
    return cell;
  });
  row.append(...cells);
  rowsById.set(id, row);
  return row;
}
async function renderTracks() {
  let tracks, invited;
  try {
    [tracks, invited] = await Promise.all([api('/v1/tracks'), api('/v1/invitations')]);
  } catch {
    say('Could not refresh the tracks (offline?). Trying again every 5 seconds.');
    return;
  }
  say('');
  const shown = [
    ...tracks.items.map((track) => ({ track, you: track.permission, invited: false })),
    ...invited.items.map((invitation) => ({ track: invitation.track, you: 'invited', invited: true })),
  ];
  const focusedId = document.activeElement?.closest('#tracks tbody tr')?.dataset.trackId;
  const rows = shown.map(({ track, you, invited }) => {
    const row = trackRow(track.id);
    const [name, stage, permission, files] = row.children;
    const select = name.firstChild;
    select.textContent = track.name;
    select.setAttribute('aria-pressed', String(invitations.trackId === track.id));
    stage.textContent = track.stage ?? '—';
    permission.textContent = you;
    if (invited) files.replaceChildren();
    else if (!files.firstChild) {
      const sync = document.createElement('pd-sync-status');
      sync.setAttribute('track-id', track.id);
      files.append(sync);
    }
    return row;
  });
  // Only rows out of place move, and rows gone go.
  rows.forEach((row, index) => {
    if (tbody.children[index] !== row) tbody.insertBefore(row, tbody.children[index] ?? null);
  });
  for (const [id, row] of rowsById) {
    if (!rows.includes(row)) {
      row.remove();
      rowsById.delete(id);
    }
  }
  // A focused row moved (or gone): focus back on its button, else on the table.
  if (focusedId && !tbody.contains(document.activeElement)) {
    (rowsById.get(focusedId)?.querySelector('button') ?? document.querySelector('.table-scroll')).focus();
  }
}

document.getElementById('user').addEventListener('change', (event) => {
  provider.setAttribute('token', event.target.value);
  invitations.trackId = null;
  renderTracks();
  showView();
});
// The elements' language (their texts and times), which the client sends on: the server writes the
// notifications in it too. The host page's own text stays English.
// Arabic reads right to left: the page (the provider holds all of it) turns, the elements with it.
document.getElementById('language').addEventListener('change', (event) => {
  provider.locale = event.target.value;
  provider.dir = event.target.value === 'ar' ? 'rtl' : 'ltr';
});
const VIEWS = ['settings', 'help', 'profile'];
const showView = () => {
  const shown = VIEWS.find((view) => location.hash === `#${view}`) ?? 'activity';
  // Focus in a view about to hide (a link inside it) would fall to <body>: it goes to the new view's heading.
  const losing = [...VIEWS, 'activity'].some(
    (view) => view !== shown && document.getElementById(`${view}-view`).contains(document.activeElement),
  );
  for (const view of [...VIEWS, 'activity']) document.getElementById(`${view}-view`).hidden = view !== shown;
  if (losing) document.querySelector(`#${shown}-view h2`).focus();
  if (shown === 'settings') renderOutbox();
  if (shown === 'profile') renderProfile();
};

// The reference server's outbox (GET /control/outbox): the emails it would have sent the signed-in user.
// Server text goes in as text (textContent), never as HTML.
const outboxList = document.getElementById('outbox-list');
async function renderOutbox() {
  let items;
  try {
    const me = await api('/v1/me');
    ({ items } = await api(`/control/outbox?userId=${encodeURIComponent(me.id)}`));
  } catch {
    items = null;
  }
  if (!items?.length) {
    const empty = document.createElement('li');
    empty.className = 'hint';
    empty.textContent = items ? 'No email yet.' : 'Could not read the outbox (offline?).';
    outboxList.replaceChildren(empty);
    return;
  }
  outboxList.replaceChildren(
    ...items.slice(0, 10).map((email) => {
      const item = document.createElement('li');
      const subject = document.createElement('strong');
      subject.textContent = email.subject;
      const meta = document.createElement('span');
      meta.className = 'hint';
      meta.textContent = ` to ${email.to} (${email.category}), ${new Date(email.sentAt).toLocaleTimeString()}`;
      item.append(subject, meta);
      return item;
    }),
  );
}
async function renderProfile() {
  const me = await api('/v1/me').catch(() => null);
  document.getElementById('profile-email').textContent = me
    ? (me.email ?? 'no address')
    : 'an address the demo could not read (offline?)';
}
addEventListener('hashchange', showView);
showView();
renderTracks();
setInterval(() => {
  renderTracks();
  if (location.hash === '#settings') renderOutbox();
}, 5000);

// Listening is enough (no href-template to follow): the feed closes its panel. Cancel the
// event only to take over, panel included.
provider.addEventListener('pd-navigate', (event) => {
  log.textContent = `The host would open “${event.detail.trackId}” with its ${event.detail.widget ?? ''} widget highlighted.`;
});
provider.addEventListener('pd-invite-accepted', (event) => {
  log.textContent = `“${event.detail.track.name}” joins your tracks with ${event.detail.permission} permission.`;
  renderTracks();
});
provider.addEventListener('pd-track-filter-cleared', () => renderTracks());
provider.addEventListener('pd-preferences-saved', () => renderOutbox());
