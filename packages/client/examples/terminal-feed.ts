/**
 * A bell and a feed of your own, built on the client's stores, in a terminal.
 *
 *   npm start                                   # the reference server, in another terminal
 *   npx tsx packages/client/examples/terminal-feed.ts
 *
 * PD_BASE_URL and PD_TOKEN choose the server and the user (default: the demo's Alice).
 * Keys: r marks the newest unread read, a marks all read, q quits.
 */
import { $now, createClient, formatRelativeTime } from '@pd-notify/client';

const client = createClient({
  baseUrl: process.env.PD_BASE_URL ?? 'http://127.0.0.1:4010',
  token: process.env.PD_TOKEN ?? 'demo-alice',
  onError: (error) => console.error(`! ${error.kind}: ${error.message}`),
});

function render(): void {
  const { items, status } = client.$notifications.get();
  const connection = client.$connection.get();
  const now = $now.get();
  const lines = [
    `🔔 ${client.$unreadCount.get()} unread · ${client.$pendingInviteCount.get()} invitations · ${connection.status}${connection.reason ? ` (${connection.reason})` : ''}`,
    ...(status === 'ready' && items.length === 0 ? ['No new notifications.'] : []),
    ...items.slice(0, 8).map((item) => {
      const mark = item.readAt === null ? '●' : ' ';
      const priority = item.priority === 'high' ? '!' : ' ';
      return `${mark}${priority} [${item.category}] ${item.title} — ${formatRelativeTime(item.createdAt, now, client.locale)}`;
    }),
  ];
  console.log(`\n${lines.join('\n')}`);
}

// Subscribing starts the network; every store change re-renders.
const stops = [client.$notifications, client.$unreadCount, client.$pendingInviteCount, client.$connection, $now].map(
  (store) => (store as { listen(cb: () => void): () => void }).listen(render),
);

if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.setEncoding('utf8').on('data', (chunk: string) => {
  // Keys typed quickly can arrive together: handle each one.
  for (const key of chunk) {
    if (key === 'q' || key === '\u0003') {
      for (const stop of stops) stop();
      client.close();
      process.exit(0);
    }
    const unread = client.$notifications.get().items.find((item) => item.readAt === null);
    if (key === 'r' && unread) void client.markRead(unread.id).catch(() => {});
    if (key === 'a') void client.markAllRead().catch(() => {});
  }
});
