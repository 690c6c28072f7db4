/**
 * The feed's icons (the protocol's one table, SPEC AF3) as PNG data URLs for
 * system notifications: Chromium does not show SVG there (crbug.com/478654), so
 * each is drawn once on a canvas: the icon's strokes in white on a disc of the
 * category's colour (the light theme's).
 */
import {
  CATEGORY_ICONS,
  ICONS,
  NOTIFICATION_KINDS,
  type Category,
  type IconName,
  type NotificationType,
} from '@pd-notify/protocol/wire';

/** Each category's colour (the elements' light theme). */
const COLOURS: Record<Category, string> = {
  collaboration: '#2459d6',
  deadline: '#b9440f',
  workflow: '#6b35d9',
  reminder: '#0e7064',
  system: '#4a5568',
  support: '#b3195a',
};

const SIZE = 96;
const drawn = new Map<string, string | undefined>();

/** A category's own icon as a PNG data URL; undefined where there is no canvas. */
export function categoryIcon(category: Category): string | undefined {
  return drawOnce(category, CATEGORY_ICONS[category] ?? 'info');
}

/** A notification type's icon (a comment's speech bubble, a security alert's shield…) on its category's colour. */
export function notificationIcon(type: NotificationType): string | undefined {
  const kind = NOTIFICATION_KINDS[type];
  return kind ? drawOnce(kind.category, kind.icon) : categoryIcon('system');
}

function drawOnce(category: Category, icon: IconName): string | undefined {
  const key = `${category}:${icon}`;
  if (!drawn.has(key)) drawn.set(key, draw(COLOURS[category] ?? COLOURS.system, ICONS[icon]));
  return drawn.get(key);
}

function draw(colour: string, paths: readonly string[]): string | undefined {
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
