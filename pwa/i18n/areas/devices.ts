/** Messages of the team's device list, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Devices',
  hint: 'Every device that syncs this team. Removing one gives the team a new secret, so that device can no longer sync.',
  loading: 'Loading devices…',
  empty: 'No device has registered yet.',
  thisDevice: 'This device',
  shortId: 'Device id {id}',
  added: 'Added {date} by {member}',
  removedOn: 'Removed {date}',
  unknownMember: 'an unknown member',
  remove: 'Remove device',
  removeNamed: 'Remove device {name}',
  confirmTitle: 'Remove {name}?',
  confirmBody:
    '{name} keeps its copy of everything it already has. It gets nothing new and can send nothing: the team moves to a new secret, and your other devices switch to it on their own.',
  confirmOffline:
    'Your devices that are offline now cannot follow on their own: when they are back, give them a new join code from this page.',
  confirm: 'Remove it',
  cancel: 'Cancel',
  removing: 'Removing…',
  removedDone: '{name} was removed. The team uses a new secret now.',
  removedBanner:
    'This device was removed from the team on {date}. It keeps its copy of what it already had, but it can no longer sync: it gets nothing new and sends nothing.',
  staleBanner:
    'The team moved to a new secret that this device does not have. Ask a teammate for a new join code to sync again.',
  unreadableBanner: 'The team’s new secret does not open on this device: {problem}',
}

export const ar: typeof en = {
  title: 'الأجهزة',
  hint: 'كل جهاز يزامن هذا الفريق. إزالة جهاز تمنح الفريق سرًّا جديدًا، فلا يعود ذلك الجهاز قادرًا على المزامنة.',
  loading: 'جارٍ تحميل الأجهزة…',
  empty: 'لم يُسجَّل أي جهاز بعد.',
  thisDevice: 'هذا الجهاز',
  shortId: 'معرّف الجهاز {id}',
  added: 'أُضيف في {date} بواسطة {member}',
  removedOn: 'أُزيل في {date}',
  unknownMember: 'عضو غير معروف',
  remove: 'إزالة الجهاز',
  removeNamed: 'إزالة الجهاز {name}',
  confirmTitle: 'إزالة {name}؟',
  confirmBody:
    'يحتفظ {name} بنسخته من كل ما لديه حتى الآن. لن يصله شيء جديد ولن يستطيع إرسال أي شيء: ينتقل الفريق إلى سرّ جديد، وتنتقل أجهزتك الأخرى إليه تلقائيًا.',
  confirmOffline: 'أجهزتك غير المتصلة الآن لن تنتقل وحدها: عند عودتها أعطها رمز انضمام جديدًا من هذه الصفحة.',
  confirm: 'إزالته',
  cancel: 'إلغاء',
  removing: 'جارٍ الإزالة…',
  removedDone: 'أُزيل {name}. يستخدم الفريق سرًّا جديدًا الآن.',
  removedBanner:
    'أُزيل هذا الجهاز من الفريق في {date}. يحتفظ بنسخته مما كان لديه، لكنه لم يعد قادرًا على المزامنة: لا يصله شيء جديد ولا يرسل شيئًا.',
  staleBanner:
    'انتقل الفريق إلى سرّ جديد لا يملكه هذا الجهاز. اطلب من أحد زملائك رمز انضمام جديدًا لتعود المزامنة.',
  unreadableBanner: 'سرّ الفريق الجديد لا يُفتح على هذا الجهاز: {problem}',
}
