// The demo header in React: the same elements through @pd-notify/react, with typed event props.
import { PdActivityFeed, PdBellBadge, PdInvitations, PdProvider, PdToaster } from '@pd-notify/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const USERS = [
  ['demo-alice', 'Alice Moreno'],
  ['demo-ben', 'Ben Okafor'],
] as const;

function App() {
  const [token, setToken] = useState<string>(USERS[0][0]);
  const [message, setMessage] = useState('');
  return (
    <PdProvider baseUrl={window.location.origin} token={token}>
      <header style={{ display: 'flex', alignItems: 'center', gap: '1rem', padding: '0.75rem 1.25rem' }}>
        <h1 style={{ flex: 1, fontSize: '1.1rem', margin: 0 }}>Producer Dashboard (React)</h1>
        <label>
          Signed in as{' '}
          <select value={token} onChange={(event) => setToken(event.target.value)}>
            {USERS.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <PdBellBadge counter="invitations" for="invitations" />
        {/* Routing here is enough (no href-template to stop): the feed closes its panel itself. */}
        {/* Comments in a row of the app's own (React, through a portal), with a Reply button of the app's; */}
        {/* every other row, and a group of comments, is the feed's. */}
        <PdActivityFeed
          onPdNavigate={(event) => setMessage(`Open ${event.detail.trackId} (${event.detail.widget ?? 'track'})`)}
          renderRow={(notification, { relativeTime, group }) =>
            notification.type === 'comment' && !group ? (
              <div className="comment-row">
                <strong>{notification.actor?.name ?? 'Someone'}</strong> commented{' '}
                {relativeTime(notification.createdAt)}
                <blockquote style={{ margin: '0.25rem 0 0', fontStyle: 'italic' }}>{notification.message}</blockquote>
                <button type="button" onClick={() => setMessage(`Reply to ${notification.actor?.name ?? 'someone'}`)}>
                  Reply
                </button>
              </div>
            ) : null
          }
        />
      </header>
      <PdInvitations
        id="invitations"
        onPdInviteAccepted={(event) => setMessage(`Accepted ${event.detail.track.name} (${event.detail.permission})`)}
      />
      <PdToaster />
      <main style={{ padding: '1.25rem' }}>
        <p id="message" role="status">
          {message}
        </p>
      </main>
    </PdProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
