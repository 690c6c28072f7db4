/**
 * The category icons of the feed (SPEC AF3) as PNG data URLs for system
 * notifications: Chromium does not show SVG there (crbug.com/478654), so each is
 * drawn once on a canvas: the icon's strokes in white on a disc of the
 * category's colour (the light theme's).
 */
import type { Category } from '@pd-notify/protocol/wire';

/** Each category's colour and its icon's strokes (24 × 24, as the feed draws them). */
const ICONS: Record<Category, [colour: string, ...paths: string[]]> = {
  collaboration: [
    '#2459d6',
    'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2',
    'M5 7a4 4 0 1 0 8 0a4 4 0 1 0-8 0',
    'M22 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75',
  ],
  deadline: [
    '#b9440f',
    'M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    'M16 2v4M8 2v4M3 10h18',
  ],
  workflow: ['#6b35d9', 'M3 17l2 2 4-4M3 7l2 2 4-4M13 6h8M13 12h8M13 18h8'],
  reminder: ['#0e7064', 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0', 'M12 6v6l4 2'],
  system: ['#4a5568', 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0', 'M12 16v-4M12 8h.01'],
  support: [
    '#b3195a',
    'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z',
    'M9.5 9a2.5 2.5 0 0 1 5 .5c0 1.5-2.5 2-2.5 3M12 15h.01',
  ],
};

const SIZE = 96;
const drawn = new Map<Category, string | undefined>();

/** The category's icon as a PNG data URL; undefined where there is no canvas. */
export function categoryIcon(category: Category): string | undefined {
  if (!drawn.has(category)) drawn.set(category, draw(category));
  return drawn.get(category);
}

function draw(category: Category): string | undefined {
  const [colour, ...paths] = ICONS[category] ?? ICONS.system;
  const canvas = typeof document === 'undefined' ? null : document.createElement('canvas');
  const context = canvas?.getContext('2d');
  if (!canvas || !context || typeof Path2D === 'undefined') return undefined;
  canvas.width = canvas.height = SIZE;
  context.fillStyle = colour;
  context.beginPath();
  context.arc(SIZE / 2, SIZE / 2, SIZE / 2, 0, 2 * Math.PI);
  context.fill();
  // The 24-unit icon in the middle 48 pixels.
  context.translate(SIZE / 4, SIZE / 4);
  context.scale(2, 2);
  context.strokeStyle = '#fff';
  context.lineWidth = 2;
  context.lineCap = context.lineJoin = 'round';
  for (const path of paths) context.stroke(new Path2D(path));
  return canvas.toDataURL('image/png');
}
