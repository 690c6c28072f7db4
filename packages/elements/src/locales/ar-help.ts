import type { HelpTexts } from '../help/texts.js';
import { counted } from './arabic-plurals.js';

/** The troubleshooting view's texts in Arabic. */
const ar: HelpTexts = {
  title: 'ألا تصلك الإشعارات؟',
  checkState: { ok: 'سليم', attention: 'يحتاج إلى انتباهك', checking: 'جارٍ التحقق' },
  checking: 'جارٍ التحقق…',
  categoriesCheck: 'تأكد من تفعيل الفئة المعنية في تفضيلاتك',
  allCategoriesOn: 'كل الفئات مفعّلة.',
  categoriesOff: (count) =>
    counted(count, {
      zero: 'هذه الفئات متوقفة:',
      one: 'هذه الفئة متوقفة:',
      two: 'هاتان الفئتان متوقفتان:',
      few: 'هذه الفئات متوقفة:',
      many: 'هذه الفئات متوقفة:',
      other: 'هذه الفئات متوقفة:',
    }),
  turnOn: 'تفعيل',
  turnOnCategory: (category) => `تفعيل ${category}`,
  turnOnFailed: 'تعذّر تفعيلها. حاول مرة أخرى.',
  emailCheck: 'تحقق من صحة عنوان بريدك الإلكتروني في إعدادات الملف الشخصي',
  emailGoesTo: 'تُرسل إشعارات البريد الإلكتروني إلى',
  noEmail: 'لا يوجد عنوان بريد إلكتروني في ملفك الشخصي.',
  emailUnknown: 'تعذّر التحقق من عنوان بريدك الإلكتروني الآن.',
  profileLink: 'فتح إعدادات الملف الشخصي',
  emailOnFor: (categories) => `إشعارات البريد الإلكتروني مفعّلة في: ${categories}.`,
  emailOff: 'إشعارات البريد الإلكتروني متوقفة في كل الفئات: فعّلها من قنوات إحدى الفئات.',
  spamCheck: 'ابحث عن إشعارات البريد الإلكتروني في مجلد الرسائل غير المرغوب فيها',
  browserCheck: 'تأكد من أن متصفحك أو تطبيق سطح المكتب يسمح بالإشعارات',
  browserOnFor: (categories) => `إشعارات المتصفح مفعّلة في: ${categories}.`,
  browserOff: 'إشعارات المتصفح متوقفة في كل الفئات: اختر «المتصفح» في قنوات إحدى الفئات.',
  connectionCheck: 'جرّب تسجيل الخروج ثم تسجيل الدخول مجددًا لتحديث اتصال الإشعارات',
  connection: {
    idle: 'جارٍ الاتصال…',
    connecting: 'جارٍ الاتصال…',
    live: 'متصل: تصل الإشعارات الجديدة فور حدوثها.',
    polling: 'التحديثات المباشرة بطيئة حاليًا: يجري التحقق من الإشعارات الجديدة كل فترة قصيرة.',
    offline: 'غير متصل: ستصل الإشعارات الجديدة فور عودة الاتصال.',
  },
  connectionError: (reason) => `غير متصل: ${reason.replace(/[.!?؟]$/, '')}.`,
  connectionRetrying: 'انقطع الاتصال. ستُعاد المحاولة تلقائيًا، أو أعد الاتصال الآن.',
  reconnect: 'إعادة الاتصال',
  reconnectHint: 'تعيد «إعادة الاتصال» محاولة الاتصال فورًا وتحمّل إشعاراتك من جديد.',
  tooMany: 'هل تصلك إشعارات كثيرة جدًا؟',
  tooManyAdvice: 'أوقف الفئات التي لا تخص طريقة عملك.',
  preferencesLink: 'فتح تفضيلات الإشعارات',
};

export default ar;
