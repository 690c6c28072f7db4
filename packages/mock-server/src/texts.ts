/**
 * The notification texts the reference server writes, in the reader's
 * language (English, French, German, Spanish, Arabic). A notification keeps
 * what it says as a key and its values (`NotificationText`), never as text in
 * one language: its title and message are written when it is read, in the
 * language the request negotiated (`Accept-Language`, English when none of
 * these is asked for). Text a host sent as-is has no key and stays as sent.
 * Plurals go through `Intl.PluralRules`, days through `Intl.DateTimeFormat`.
 */
import type { Permission, Stage } from '@pd-notify/protocol';

/** The languages the server writes, English first (the fallback). */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The values each text takes, by key. */
export interface TextValues {
  comment: { actor: string; track: string; text: string };
  published: { actor: string; track: string };
  'stage-changed': { actor: string; track: string; from: Stage; to: Stage };
  'metadata-updated': { actor: string; track: string; what: 'artwork' | 'due-date' | 'details' };
  'due-reminder': { track: string; days: number; due: number };
  'due-passed': { track: string; due: number };
  overdue: { track: string; due: number };
  invitation: { actor: string; track: string; permission: Permission };
  membership: { actor: string; track: string; permission: Permission };
  'email-verified': { email: string };
  'track-added': { actor: string; track: string; project: string };
  maintenance: Record<never, never>;
  'new-sign-in': Record<never, never>;
  'support-reply': { ticket: number; track: string };
  'stems-reminder': { track: string; person: string };
  'loudness-report': Record<never, never>;
}

/** What a notification says: a text's key and its values. */
export type NotificationText = { [K in keyof TextValues]: { key: K } & TextValues[K] }[keyof TextValues];

/** A title and a message. */
export interface Written {
  title: string;
  message: string;
}

/** What a language's table writes with: its quotes, days, plurals, stages and permissions. */
interface Words {
  /** A name in the language's quotation marks. */
  q(name: string): string;
  /** A day, e.g. "Tue 8 Dec". */
  day(ms: number): string;
  /** The plural category of a number (`Intl.PluralRules`). */
  plural(count: number): Intl.LDMLPluralRule;
  stage: Record<Stage, string>;
  permission: Record<Permission, string>;
}

type Table = { [K in keyof TextValues]: (values: TextValues[K], words: Words) => Written };

const en: Table = {
  comment: ({ actor, track, text }, w) => ({ title: `${actor} commented on ${w.q(track)}`, message: text }),
  published: ({ actor, track }, w) => ({
    title: `${w.q(track)} was published`,
    message: `${actor} marked the track as published.`,
  }),
  'stage-changed': ({ actor, track, from, to }, w) => ({
    title: `${w.q(track)} moved to ${w.stage[to]}`,
    message: `${actor} moved the track from ${w.stage[from]} to ${w.stage[to]}.`,
  }),
  'metadata-updated': ({ actor, track, what }, w) => {
    const thing = { artwork: 'artwork', 'due-date': 'due date', details: 'details' }[what];
    return { title: `New ${thing} on ${w.q(track)}`, message: `${actor} updated the track's ${thing}.` };
  },
  'due-reminder': ({ track, days, due }, w) => ({
    title: `${w.q(track)} is due in ${days} ${w.plural(days) === 'one' ? 'day' : 'days'}`,
    message: `Due ${w.day(due)}. Wrap up the last revisions in time.`,
  }),
  'due-passed': ({ track, due }, w) => ({
    title: `${w.q(track)} is past its due date`,
    message: `It was due ${w.day(due)}.`,
  }),
  overdue: ({ track, due }, w) => ({
    title: `${w.q(track)} is overdue`,
    message: `It was due ${w.day(due)} and still needs attention.`,
  }),
  invitation: ({ actor, track, permission }, w) => ({
    title: `${actor} invited you to ${w.q(track)}`,
    message: `Join as a collaborator with ${w.permission[permission]} access.`,
  }),
  membership: ({ actor, track, permission }, w) => ({
    title: `${actor} accepted your invite`,
    message: `${actor} now collaborates on ${w.q(track)} with ${w.permission[permission]} access.`,
  }),
  'email-verified': ({ email }) => ({
    title: 'Your email address is verified',
    message: `${email} is now confirmed for sign-in and notifications.`,
  }),
  'track-added': ({ actor, track, project }, w) => ({
    title: `${w.q(track)} was added to ${project}`,
    message: `${actor} added a track to the project you share.`,
  }),
  maintenance: () => ({
    title: 'Scheduled maintenance on Sunday',
    message: 'Producer Dashboard will be read-only from 02:00 to 03:00 UTC while we upgrade storage.',
  }),
  'new-sign-in': () => ({
    title: 'New sign-in from Firefox on macOS',
    message: 'Signed in from Lisbon, Portugal. If this wasn’t you, change your password now.',
  }),
  'support-reply': ({ ticket, track }, w) => ({
    title: `Support replied to ticket #${ticket}`,
    message: `We re-synced the missing stems of ${w.q(track)}. Is everything working for you now?`,
  }),
  'stems-reminder': ({ track, person }, w) => ({
    title: `Reminder: send the ${w.q(track)} stems to ${person}`,
    message: 'You asked to be reminded this morning.',
  }),
  'loudness-report': () => ({
    title: 'Loudness reports now include true peak',
    message: 'Every master you upload now gets an LUFS and true-peak report.',
  }),
};

const fr: Table = {
  comment: ({ actor, track, text }, w) => ({ title: `${actor} a commenté ${w.q(track)}`, message: text }),
  published: ({ actor, track }, w) => ({
    title: `${w.q(track)} a été publié`,
    message: `${actor} a marqué le morceau comme publié.`,
  }),
  'stage-changed': ({ actor, track, from, to }, w) => ({
    title: `${w.q(track)} est passé à l’étape ${w.stage[to]}`,
    message: `${actor} a fait passer le morceau de l’étape ${w.stage[from]} à l’étape ${w.stage[to]}.`,
  }),
  'metadata-updated': ({ actor, track, what }, w) =>
    ({
      artwork: {
        title: `Nouvelle pochette pour ${w.q(track)}`,
        message: `${actor} a mis à jour la pochette du morceau.`,
      },
      'due-date': {
        title: `Nouvelle échéance pour ${w.q(track)}`,
        message: `${actor} a mis à jour l’échéance du morceau.`,
      },
      details: {
        title: `Nouveaux détails pour ${w.q(track)}`,
        message: `${actor} a mis à jour les détails du morceau.`,
      },
    })[what],
  'due-reminder': ({ track, days, due }, w) => ({
    title: `${w.q(track)} est à rendre dans ${days} ${w.plural(days) === 'one' ? 'jour' : 'jours'}`,
    message: `À rendre le ${w.day(due)}. Terminez les dernières révisions à temps.`,
  }),
  'due-passed': ({ track, due }, w) => ({
    title: `${w.q(track)} a dépassé son échéance`,
    message: `Il était à rendre le ${w.day(due)}.`,
  }),
  overdue: ({ track, due }, w) => ({
    title: `${w.q(track)} est en retard`,
    message: `Il était à rendre le ${w.day(due)} et demande encore votre attention.`,
  }),
  invitation: ({ actor, track, permission }, w) => ({
    title: `${actor} vous a invité à rejoindre ${w.q(track)}`,
    message: `Rejoignez le morceau avec un accès ${w.permission[permission]}.`,
  }),
  membership: ({ actor, track, permission }, w) => ({
    title: `${actor} a accepté votre invitation`,
    message: `${actor} collabore désormais sur ${w.q(track)} avec un accès ${w.permission[permission]}.`,
  }),
  'email-verified': ({ email }) => ({
    title: 'Votre adresse e-mail est vérifiée',
    message: `${email} est désormais confirmée pour la connexion et les notifications.`,
  }),
  'track-added': ({ actor, track, project }, w) => ({
    title: `${w.q(track)} a été ajouté à ${project}`,
    message: `${actor} a ajouté un morceau au projet que vous partagez.`,
  }),
  maintenance: () => ({
    title: 'Maintenance prévue dimanche',
    message: 'Producer Dashboard sera en lecture seule de 02:00 à 03:00 UTC pendant la mise à niveau du stockage.',
  }),
  'new-sign-in': () => ({
    title: 'Nouvelle connexion depuis Firefox sur macOS',
    message: 'Connexion depuis Lisbonne, Portugal. Si ce n’était pas vous, changez votre mot de passe maintenant.',
  }),
  'support-reply': ({ ticket, track }, w) => ({
    title: `Le support a répondu au ticket n°\u00A0${ticket}`,
    message: `Nous avons resynchronisé les pistes manquantes de ${w.q(track)}. Tout fonctionne-t-il maintenant\u00A0?`,
  }),
  'stems-reminder': ({ track, person }, w) => ({
    title: `Rappel\u00A0: envoyer les pistes de ${w.q(track)} à ${person}`,
    message: 'Vous avez demandé un rappel ce matin.',
  }),
  'loudness-report': () => ({
    title: 'Les rapports de sonie incluent désormais le true peak',
    message: 'Chaque master que vous envoyez reçoit désormais un rapport LUFS et true peak.',
  }),
};

const de: Table = {
  comment: ({ actor, track, text }, w) => ({ title: `${actor} hat ${w.q(track)} kommentiert`, message: text }),
  published: ({ actor, track }, w) => ({
    title: `${w.q(track)} wurde veröffentlicht`,
    message: `${actor} hat den Track als veröffentlicht markiert.`,
  }),
  'stage-changed': ({ actor, track, from, to }, w) => ({
    title: `${w.q(track)} ist jetzt in der Phase ${w.stage[to]}`,
    message: `${actor} hat den Track von ${w.stage[from]} nach ${w.stage[to]} verschoben.`,
  }),
  'metadata-updated': ({ actor, track, what }, w) =>
    ({
      artwork: {
        title: `Neues Artwork für ${w.q(track)}`,
        message: `${actor} hat das Artwork des Tracks aktualisiert.`,
      },
      'due-date': {
        title: `Neues Fälligkeitsdatum für ${w.q(track)}`,
        message: `${actor} hat das Fälligkeitsdatum des Tracks aktualisiert.`,
      },
      details: { title: `Neue Details zu ${w.q(track)}`, message: `${actor} hat die Details des Tracks aktualisiert.` },
    })[what],
  'due-reminder': ({ track, days, due }, w) => ({
    title: `${w.q(track)} ist in ${days} ${w.plural(days) === 'one' ? 'Tag' : 'Tagen'} fällig`,
    message: `Fällig am ${w.day(due)}. Schließe die letzten Überarbeitungen rechtzeitig ab.`,
  }),
  'due-passed': ({ track, due }, w) => ({
    title: `${w.q(track)} hat sein Fälligkeitsdatum überschritten`,
    message: `Er war am ${w.day(due)} fällig.`,
  }),
  overdue: ({ track, due }, w) => ({
    title: `${w.q(track)} ist überfällig`,
    message: `Er war am ${w.day(due)} fällig und braucht noch Aufmerksamkeit.`,
  }),
  invitation: ({ actor, track, permission }, w) => ({
    title: `${actor} hat dich zu ${w.q(track)} eingeladen`,
    message: `Arbeite mit ${w.permission[permission]} an diesem Track mit.`,
  }),
  membership: ({ actor, track, permission }, w) => ({
    title: `${actor} hat deine Einladung angenommen`,
    message: `${actor} arbeitet jetzt mit ${w.permission[permission]} an ${w.q(track)} mit.`,
  }),
  'email-verified': ({ email }) => ({
    title: 'Deine E-Mail-Adresse ist bestätigt',
    message: `${email} ist jetzt für Anmeldung und Benachrichtigungen bestätigt.`,
  }),
  'track-added': ({ actor, track, project }, w) => ({
    title: `${w.q(track)} wurde zu ${project} hinzugefügt`,
    message: `${actor} hat eurem gemeinsamen Projekt einen Track hinzugefügt.`,
  }),
  maintenance: () => ({
    title: 'Geplante Wartung am Sonntag',
    message: 'Producer Dashboard ist von 02:00 bis 03:00 UTC schreibgeschützt, während wir den Speicher aktualisieren.',
  }),
  'new-sign-in': () => ({
    title: 'Neue Anmeldung mit Firefox unter macOS',
    message: 'Angemeldet aus Lissabon, Portugal. Wenn du das nicht warst, ändere jetzt dein Passwort.',
  }),
  'support-reply': ({ ticket, track }, w) => ({
    title: `Der Support hat auf Ticket #${ticket} geantwortet`,
    message: `Wir haben die fehlenden Stems von ${w.q(track)} neu synchronisiert. Funktioniert jetzt alles?`,
  }),
  'stems-reminder': ({ track, person }, w) => ({
    title: `Erinnerung: Stems von ${w.q(track)} an ${person} senden`,
    message: 'Du wolltest heute Morgen daran erinnert werden.',
  }),
  'loudness-report': () => ({
    title: 'Lautheitsberichte enthalten jetzt True Peak',
    message: 'Jedes hochgeladene Master erhält jetzt einen LUFS- und True-Peak-Bericht.',
  }),
};

const es: Table = {
  comment: ({ actor, track, text }, w) => ({ title: `${actor} comentó en ${w.q(track)}`, message: text }),
  published: ({ actor, track }, w) => ({
    title: `${w.q(track)} se publicó`,
    message: `${actor} marcó la pista como publicada.`,
  }),
  'stage-changed': ({ actor, track, from, to }, w) => ({
    title: `${w.q(track)} pasó a ${w.stage[to]}`,
    message: `${actor} pasó la pista de ${w.stage[from]} a ${w.stage[to]}.`,
  }),
  'metadata-updated': ({ actor, track, what }, w) =>
    ({
      artwork: { title: `Nueva portada en ${w.q(track)}`, message: `${actor} actualizó la portada de la pista.` },
      'due-date': {
        title: `Nueva fecha de entrega en ${w.q(track)}`,
        message: `${actor} actualizó la fecha de entrega de la pista.`,
      },
      details: { title: `Nuevos detalles en ${w.q(track)}`, message: `${actor} actualizó los detalles de la pista.` },
    })[what],
  'due-reminder': ({ track, days, due }, w) => ({
    title: `${w.q(track)} vence en ${days} ${w.plural(days) === 'one' ? 'día' : 'días'}`,
    message: `Vence el ${w.day(due)}. Termina las últimas revisiones a tiempo.`,
  }),
  'due-passed': ({ track, due }, w) => ({
    title: `${w.q(track)} superó su fecha de entrega`,
    message: `Vencía el ${w.day(due)}.`,
  }),
  overdue: ({ track, due }, w) => ({
    title: `${w.q(track)} está atrasada`,
    message: `Vencía el ${w.day(due)} y todavía requiere atención.`,
  }),
  invitation: ({ actor, track, permission }, w) => ({
    title: `${actor} te invitó a ${w.q(track)}`,
    message: `Únete como colaborador con acceso ${w.permission[permission]}.`,
  }),
  membership: ({ actor, track, permission }, w) => ({
    title: `${actor} aceptó tu invitación`,
    message: `${actor} ahora colabora en ${w.q(track)} con acceso ${w.permission[permission]}.`,
  }),
  'email-verified': ({ email }) => ({
    title: 'Tu dirección de correo está verificada',
    message: `${email} ya está confirmada para iniciar sesión y recibir notificaciones.`,
  }),
  'track-added': ({ actor, track, project }, w) => ({
    title: `${w.q(track)} se añadió a ${project}`,
    message: `${actor} añadió una pista al proyecto que comparten.`,
  }),
  maintenance: () => ({
    title: 'Mantenimiento programado el domingo',
    message: 'Producer Dashboard estará en solo lectura de 02:00 a 03:00 UTC mientras actualizamos el almacenamiento.',
  }),
  'new-sign-in': () => ({
    title: 'Nuevo inicio de sesión desde Firefox en macOS',
    message: 'Inicio de sesión desde Lisboa, Portugal. Si no fuiste tú, cambia tu contraseña ahora.',
  }),
  'support-reply': ({ ticket, track }, w) => ({
    title: `Soporte respondió al ticket n.º ${ticket}`,
    message: `Volvimos a sincronizar las pistas que faltaban de ${w.q(track)}. ¿Ya funciona todo?`,
  }),
  'stems-reminder': ({ track, person }, w) => ({
    title: `Recordatorio: envía las pistas de ${w.q(track)} a ${person}`,
    message: 'Pediste que te lo recordáramos esta mañana.',
  }),
  'loudness-report': () => ({
    title: 'Los informes de sonoridad ahora incluyen el pico real',
    message: 'Cada máster que subes recibe ahora un informe de LUFS y pico real.',
  }),
};

/** Arabic: "after N days" in each of the language's six plural forms. */
const AR_DAYS: Record<Intl.LDMLPluralRule, (days: number) => string> = {
  zero: (days) => `${days} يوم`,
  one: () => 'يوم واحد',
  two: () => 'يومين',
  few: (days) => `${days} أيام`,
  many: (days) => `${days} يومًا`,
  other: (days) => `${days} يوم`,
};

const ar: Table = {
  comment: ({ actor, track, text }, w) => ({ title: `علّق ${actor} على ${w.q(track)}`, message: text }),
  published: ({ actor, track }, w) => ({
    title: `نُشر ${w.q(track)}`,
    message: `حدّد ${actor} المقطع على أنه منشور.`,
  }),
  'stage-changed': ({ actor, track, from, to }, w) => ({
    title: `انتقل ${w.q(track)} إلى مرحلة ${w.stage[to]}`,
    message: `نقل ${actor} المقطع من ${w.stage[from]} إلى ${w.stage[to]}.`,
  }),
  'metadata-updated': ({ actor, track, what }, w) =>
    ({
      artwork: { title: `غلاف جديد لـ${w.q(track)}`, message: `حدّث ${actor} غلاف المقطع.` },
      'due-date': { title: `موعد تسليم جديد لـ${w.q(track)}`, message: `حدّث ${actor} موعد تسليم المقطع.` },
      details: { title: `تفاصيل جديدة لـ${w.q(track)}`, message: `حدّث ${actor} تفاصيل المقطع.` },
    })[what],
  'due-reminder': ({ track, days, due }, w) => ({
    title: `يحين موعد تسليم ${w.q(track)} بعد ${AR_DAYS[w.plural(days)](days)}`,
    message: `موعد التسليم ${w.day(due)}. أنهِ المراجعات الأخيرة في الوقت المحدد.`,
  }),
  'due-passed': ({ track, due }, w) => ({
    title: `تجاوز ${w.q(track)} موعد تسليمه`,
    message: `كان موعد تسليمه ${w.day(due)}.`,
  }),
  overdue: ({ track, due }, w) => ({
    title: `تأخر ${w.q(track)} عن موعده`,
    message: `كان موعد تسليمه ${w.day(due)} وما زال يحتاج إلى اهتمام.`,
  }),
  invitation: ({ actor, track, permission }, w) => ({
    title: `دعاك ${actor} إلى ${w.q(track)}`,
    message: `انضم كمتعاون بصلاحية ${w.permission[permission]}.`,
  }),
  membership: ({ actor, track, permission }, w) => ({
    title: `قبل ${actor} دعوتك`,
    message: `يتعاون ${actor} الآن على ${w.q(track)} بصلاحية ${w.permission[permission]}.`,
  }),
  'email-verified': ({ email }) => ({
    title: 'تم التحقق من بريدك الإلكتروني',
    message: `أصبح ${email} مؤكدًا لتسجيل الدخول والإشعارات.`,
  }),
  'track-added': ({ actor, track, project }, w) => ({
    title: `أُضيف ${w.q(track)} إلى ${project}`,
    message: `أضاف ${actor} مقطعًا إلى المشروع الذي تتشاركانه.`,
  }),
  maintenance: () => ({
    title: 'صيانة مجدولة يوم الأحد',
    message: 'سيكون Producer Dashboard للقراءة فقط من 02:00 إلى 03:00 بالتوقيت العالمي أثناء ترقية التخزين.',
  }),
  'new-sign-in': () => ({
    title: 'تسجيل دخول جديد من Firefox على macOS',
    message: 'تم تسجيل الدخول من لشبونة، البرتغال. إن لم تكن أنت، فغيّر كلمة المرور الآن.',
  }),
  'support-reply': ({ ticket, track }, w) => ({
    title: `ردّ الدعم على التذكرة رقم ${ticket}`,
    message: `أعدنا مزامنة المقاطع الناقصة لـ${w.q(track)}. هل يعمل كل شيء الآن؟`,
  }),
  'stems-reminder': ({ track, person }, w) => ({
    title: `تذكير: أرسل مقاطع ${w.q(track)} إلى ${person}`,
    message: 'طلبت تذكيرك هذا الصباح.',
  }),
  'loudness-report': () => ({
    title: 'تقارير الجهارة تتضمن الآن الذروة الحقيقية',
    message: 'كل ماستر ترفعه يحصل الآن على تقرير LUFS والذروة الحقيقية.',
  }),
};

const TABLES: Record<Language, Table> = { en, fr, de, es, ar };

/** Each language's words: quotes, the day's format, plurals, stages, permissions. */
const WORDS: Record<Language, Words> = {
  en: words('en-GB', (name) => `“${name}”`, {
    stage: {
      idea: 'Idea',
      editing: 'Editing',
      mixing: 'Mixing',
      mastering: 'Mastering',
      ready: 'Ready to Post',
      published: 'Published',
    },
    permission: { view: 'view-only', edit: 'edit', full: 'full-control' },
  }),
  fr: words('fr', (name) => `«\u00A0${name}\u00A0»`, {
    stage: {
      idea: 'Idée',
      editing: 'Montage',
      mixing: 'Mixage',
      mastering: 'Mastering',
      ready: 'Prêt à publier',
      published: 'Publié',
    },
    permission: { view: 'en lecture seule', edit: 'en modification', full: 'complet' },
  }),
  de: words('de', (name) => `„${name}“`, {
    stage: {
      idea: 'Idee',
      editing: 'Bearbeitung',
      mixing: 'Mixing',
      mastering: 'Mastering',
      ready: 'Bereit zur Veröffentlichung',
      published: 'Veröffentlicht',
    },
    permission: { view: 'Lesezugriff', edit: 'Bearbeitungszugriff', full: 'Vollzugriff' },
  }),
  es: words('es', (name) => `«${name}»`, {
    stage: {
      idea: 'Idea',
      editing: 'Edición',
      mixing: 'Mezcla',
      mastering: 'Masterización',
      ready: 'Lista para publicar',
      published: 'Publicada',
    },
    permission: { view: 'de solo lectura', edit: 'de edición', full: 'total' },
  }),
  ar: words('ar', (name) => `«${name}»`, {
    stage: {
      idea: 'الفكرة',
      editing: 'التحرير',
      mixing: 'المزج',
      mastering: 'الماسترينغ',
      ready: 'جاهز للنشر',
      published: 'منشور',
    },
    permission: { view: 'القراءة فقط', edit: 'التعديل', full: 'التحكم الكامل' },
  }),
};

function words(
  locale: string,
  q: (name: string) => string,
  names: { stage: Record<Stage, string>; permission: Record<Permission, string> },
): Words {
  // English keeps its short day ("Thu 10 Dec"); the others' abbreviations end in a period that a sentence's would double.
  const length = locale === 'en-GB' ? 'short' : 'long';
  const days = new Intl.DateTimeFormat(locale, { weekday: length, day: 'numeric', month: length, timeZone: 'UTC' });
  const plurals = new Intl.PluralRules(locale);
  return { q, day: (ms) => days.format(ms), plural: (count) => plurals.select(count), ...names };
}

/** A notification's title and message in `language`. */
export function write(text: NotificationText, language: Language): Written {
  const table = TABLES[language];
  return (table[text.key] as (values: NotificationText, words: Words) => Written)(text, WORDS[language]);
}

/**
 * The language to write in for an `Accept-Language` header: the first
 * (by weight, then order) of ours it asks for, a region falling back to its
 * language (`fr-CA` is `fr`); English when it asks for none of them.
 */
export function negotiate(header: string | undefined): Language {
  const asked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const weight = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { range: range.trim().toLowerCase(), q: weight === undefined ? 1 : Number(weight), index };
    })
    .filter((entry) => entry.range && entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of asked) {
    const language = range.split('-')[0] as Language;
    if ((LANGUAGES as readonly string[]).includes(language)) return language;
  }
  return 'en';
}

/** The headers of an answer whose notifications are written in `language`. */
export function spokenHeaders(language: Language): { 'Content-Language': Language; Vary: string } {
  return { 'Content-Language': language, Vary: 'Accept-Language' };
}

/** Notifications sent on the wire, with what they say (their title and message are written per reader). */
const SAID = new WeakMap<object, NotificationText>();

/** Marks a notification's wire form as written from `text` (null: sent as-is); returns it. */
export function withText<T extends object>(wire: T, text: NotificationText | null): T {
  if (text) SAID.set(wire, text);
  return wire;
}

/** The JSON of an answer or an event, every notification in it written in `language`. */
export function stringifyIn(body: unknown, language: Language): string {
  // English is what the store keeps beside each text: nothing to write again.
  if (language === 'en') return JSON.stringify(body);
  return JSON.stringify(body, (_key, value: unknown) => {
    const text = value !== null && typeof value === 'object' ? SAID.get(value) : undefined;
    return text ? { ...(value as object), ...write(text, language) } : value;
  });
}
