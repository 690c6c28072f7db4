import type { InboxTexts } from '../activity-feed/inbox-texts.js';
import { counted } from './arabic-plurals.js';

/** The feed's inbox verbs in Arabic. */
const ar: InboxTexts = {
  views: 'طرق العرض',
  view: { inbox: 'الوارد', snoozed: 'المؤجلة', archived: 'الأرشيف' },
  emptySnoozed: 'لا توجد إشعارات مؤجلة.',
  emptyArchived: 'لا توجد إشعارات مؤرشفة.',
  archived: 'تمت الأرشفة',
  restore: 'استعادة',
  restored: 'أُعيد إلى صندوق الوارد',
  snooze: 'تأجيل',
  snoozeFor: {
    hour: 'ساعة واحدة',
    tomorrow: 'غدًا، 9:00',
    nextWeek: 'الأسبوع القادم (الاثنين، 9:00)',
    pick: 'اختيار تاريخ ووقت…',
  },
  snoozeUntilLabel: 'تأجيل حتى',
  snoozeTimeInvalid: 'اختر وقتًا في المستقبل، خلال سنة على الأكثر.',
  snoozedUntil: (time) => `مؤجل حتى ${time}`,
  unsnooze: 'إلغاء التأجيل',
  unsnoozed: 'أُعيد إلى صندوق الوارد',
  cancel: 'إلغاء',
  search: 'بحث',
  searchLabel: 'البحث في الإشعارات',
  closeSearch: 'إغلاق البحث',
  results: (count) =>
    counted(count, {
      zero: 'لا توجد نتائج',
      one: 'نتيجة واحدة',
      two: 'نتيجتان',
      few: `${count} نتائج`,
      many: `${count} نتيجة`,
      other: `${count} نتيجة`,
    }),
  noResults: (query) => `لا توجد نتائج لـ«${query}»`,
  searchLocal: 'غير متصل: عرض النتائج المطابقة من الإشعارات المحمّلة',
  select: 'تحديد',
  selection: 'التحديد',
  selectedCount: (count) =>
    counted(count, {
      zero: 'لم يُحدَّد شيء',
      one: 'إشعار واحد محدد',
      two: 'إشعاران محددان',
      few: `${count} إشعارات محددة`,
      many: `${count} إشعارًا محددًا`,
      other: `${count} إشعار محدد`,
    }),
  selectAllMatching: (count) =>
    counted(count, {
      zero: 'تحديد كل الإشعارات المطابقة',
      one: 'تحديد الإشعار المطابق',
      two: 'تحديد الإشعارين المطابقين',
      few: `تحديد كل الإشعارات المطابقة البالغ عددها ${count}`,
      many: `تحديد كل الإشعارات المطابقة البالغ عددها ${count}`,
      other: `تحديد كل الإشعارات المطابقة البالغ عددها ${count}`,
    }),
  allMatchingSelected: (count) =>
    counted(count, {
      zero: 'تم تحديد كل الإشعارات المطابقة',
      one: 'تم تحديد الإشعار المطابق',
      two: 'تم تحديد الإشعارين المطابقين',
      few: `تم تحديد كل الإشعارات المطابقة البالغ عددها ${count}`,
      many: `تم تحديد كل الإشعارات المطابقة البالغ عددها ${count}`,
      other: `تم تحديد كل الإشعارات المطابقة البالغ عددها ${count}`,
    }),
  markRead: 'تعليم كمقروء',
  markUnread: 'تعليم كغير مقروء',
  archive: 'أرشفة',
  bulkDone: {
    read: (count) =>
      counted(count, {
        zero: 'لم يُعلَّم أي إشعار كمقروء',
        one: 'تم تعليم إشعار واحد كمقروء',
        two: 'تم تعليم إشعارين كمقروءين',
        few: `تم تعليم ${count} إشعارات كمقروءة`,
        many: `تم تعليم ${count} إشعارًا كمقروءة`,
        other: `تم تعليم ${count} إشعار كمقروءة`,
      }),
    unread: (count) =>
      counted(count, {
        zero: 'لم يُعلَّم أي إشعار كغير مقروء',
        one: 'تم تعليم إشعار واحد كغير مقروء',
        two: 'تم تعليم إشعارين كغير مقروءين',
        few: `تم تعليم ${count} إشعارات كغير مقروءة`,
        many: `تم تعليم ${count} إشعارًا كغير مقروءة`,
        other: `تم تعليم ${count} إشعار كغير مقروءة`,
      }),
    archive: (count) =>
      counted(count, {
        zero: 'لم تتم أرشفة أي إشعار',
        one: 'تمت أرشفة إشعار واحد',
        two: 'تمت أرشفة إشعارين',
        few: `تمت أرشفة ${count} إشعارات`,
        many: `تمت أرشفة ${count} إشعارًا`,
        other: `تمت أرشفة ${count} إشعار`,
      }),
    unarchive: (count) =>
      counted(count, {
        zero: 'لم تتم استعادة أي إشعار',
        one: 'تمت استعادة إشعار واحد',
        two: 'تمت استعادة إشعارين',
        few: `تمت استعادة ${count} إشعارات`,
        many: `تمت استعادة ${count} إشعارًا`,
        other: `تمت استعادة ${count} إشعار`,
      }),
  },
  group: {
    others: (name, others) =>
      `${name} و${counted(others, {
        zero: 'لا أحد غيره',
        one: 'شخص آخر',
        two: 'شخصان آخران',
        few: `${others} آخرون`,
        many: `${others} شخصًا آخر`,
        other: `${others} شخص آخر`,
      })}`,
    comment: (actors, people, track, count) =>
      people === 1
        ? `ترك ${actors} ${counted(count, {
            zero: 'لا تعليقات',
            one: 'تعليقًا واحدًا',
            two: 'تعليقين',
            few: `${count} تعليقات`,
            many: `${count} تعليقًا`,
            other: `${count} تعليق`,
          })} على «${track}»`
        : `علّق ${actors} على «${track}»`,
    stage: (actors, _people, track, count) =>
      `غيّر ${actors} مرحلة «${track}» ${counted(count, {
        zero: 'صفر مرة',
        one: 'مرة واحدة',
        two: 'مرتين',
        few: `${count} مرات`,
        many: `${count} مرة`,
        other: `${count} مرة`,
      })}`,
    invitation: (actor, count) =>
      `دعاك ${actor} إلى ${counted(count, {
        zero: 'لا مقاطع',
        one: 'مقطع واحد',
        two: 'مقطعين',
        few: `${count} مقاطع`,
        many: `${count} مقطعًا`,
        other: `${count} مقطع`,
      })}`,
    more: (title, others) =>
      `${title} و${counted(others, {
        zero: 'لا غيره',
        one: 'إشعار آخر',
        two: 'إشعاران آخران',
        few: `${others} إشعارات أخرى`,
        many: `${others} إشعارًا آخر`,
        other: `${others} إشعار آخر`,
      })}`,
    show: (count) => `عرض الكل (${count})`,
    hide: (count) => `إخفاء الكل (${count})`,
  },
};

export default ar;
