import type { PreferencesTexts } from '../preferences/texts.js';
import { counted } from './arabic-plurals.js';

/** The preferences form's texts in Arabic. */
const ar: PreferencesTexts = {
  preferencesTitle: 'تفضيلات الإشعارات',
  preferenceCategory: {
    trackActivity: 'نشاط المقاطع',
    collaborators: 'تحديثات المتعاونين',
    dueDates: 'مواعيد التسليم والتذكيرات',
    projects: 'تحديثات المشاريع والمجلدات',
    system: 'النظام',
  },
  preferenceOption: {
    comment: 'يضيف متعاون تعليقًا أو يعدّله',
    'stage-changed': 'تتغير مرحلة مقطع',
    'metadata-updated': 'يُحدَّث الغلاف أو البيانات الوصفية',
    published: 'يُحدَّد مقطع على أنه منشور',
    invitation: 'طلبات أو دعوات تعاون جديدة',
    membership: 'قبول متعاون في مقطع أو إزالته منه',
    'profile-changed': 'تغييرات في الملفات الشخصية لمتعاونيك',
    'due-reminder': 'تذكيرات قبل موعد تسليم مقطع',
    'due-passed': 'ينقضي موعد تسليم مقطع',
    overdue: 'مقاطع تأخرت عن موعد تسليمها',
    'track-added': 'مقاطع جديدة أُضيفت إلى مشاريعك',
    'bucket-changed': 'إعادة تسمية المجلدات أو تنظيمها',
    'project-announcement': 'إعلانات على مستوى المشروع',
    'security-alert': 'تنبيهات الأمان (تسجيلات دخول جديدة، تغيير كلمة المرور)',
    'account-verification': 'رسائل التحقق من الحساب',
    'service-announcement': 'إعلانات الخدمة وإشعارات الصيانة',
  },
  showOptions: (category) => `خيارات ${category}`,
  notifyMeAbout: 'أعلمني في الحالات التالية',
  reminderLead: 'ذكّرني قبل موعد التسليم',
  days: (count) =>
    counted(count, {
      zero: `${count} يوم`,
      one: 'يوم واحد',
      two: 'يومان',
      few: `${count} أيام`,
      many: `${count} يومًا`,
      other: `${count} يوم`,
    }),
  channels: 'القنوات',
  inApp: 'داخل التطبيق',
  email: 'البريد الإلكتروني',
  securityWarning: 'تحمي تنبيهات الأمان حسابك. ننصحك بإبقائها مفعّلة.',
  save: 'حفظ التفضيلات',
  saving: 'جارٍ الحفظ…',
  saved: 'تم حفظ التفضيلات.',
  savedOffline: 'ستُحفظ تفضيلاتك عند عودة الاتصال.',
  discard: 'تجاهل التغييرات',
  saveFailed: 'تعذّر حفظ تفضيلاتك. حاول مرة أخرى.',
  conflict:
    'تغيّرت هذه التفضيلات في جلسة أخرى أثناء تعديلك. حُمّلت النسخة الأخرى مع الإبقاء على تغييراتك فوقها: احفظ مجددًا لتطبيقها، أو تجاهلها.',
  incoming: 'تغيّرت تفضيلاتك للتو في جلسة أخرى.',
  takeTheirs: 'استخدام النسخة الأخرى',
  keepMine: 'الإبقاء على تغييراتي',
  preferencesLoading: 'جارٍ تحميل التفضيلات…',
  preferencesLoadFailed: 'تعذّر تحميل التفضيلات.',
};

export default ar;
