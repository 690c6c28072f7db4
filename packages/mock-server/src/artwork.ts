/** Generated cover art for the demo tracks, so the demo has real images offline. */
const PALETTES = [
  ['#ff6b6b', '#5f27cd'],
  ['#feca57', '#ff9f43'],
  ['#48dbfb', '#0abde3'],
  ['#1dd1a1', '#10ac84'],
  ['#f368e0', '#5f27cd'],
  ['#ff9ff3', '#54a0ff'],
  ['#576574', '#222f3e'],
] as const;

/** An SVG cover for a track id: a gradient and the track's initials. */
export function artworkSvg(trackId: string): string {
  let hash = 0;
  for (const char of trackId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const [from, to] = PALETTES[hash % PALETTES.length]!;
  const initials = trackId
    .split('-')
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 2)
    .replace(/[^A-Z0-9]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" aria-label="Cover art">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="120" height="120" rx="12" fill="url(#g)"/>
<circle cx="60" cy="60" r="34" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="10"/>
<text x="60" y="70" font-family="system-ui,sans-serif" font-size="30" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text>
</svg>`;
}
