/** Messages of the network screen, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Network',
  loading: 'Loading the network…',
  summary: '{people} people linked by {ties} referrals and introductions',
  empty: 'No referrals or introductions yet: the network appears as people refer one another.',
  drawing: 'Referral network: each dot is a contact, sized by how often they connect others',
  hint: 'Bigger dots connect more people. Select a dot to open the contact.',
  noWebgl:
    'This browser cannot draw the network (WebGL is not available). The list below shows the same people.',
  legend: 'Colours',
  unclassified: 'No relationship type',
  top: 'Top connectors',
  topHint: 'Ranked by betweenness: how often a contact lies on the path between two others.',
  connector: 'no ties | {ties} tie · betweenness {score} | {ties} ties · betweenness {score}',
  sampled: 'Estimated from a sample of the network.',
}

export const ar: typeof en = {
  title: 'الشبكة',
  loading: 'جارٍ تحميل الشبكة…',
  summary: '{people} شخصًا تربطهم {ties} إحالة وتعريف',
  empty: 'لا توجد إحالات أو تعريفات بعد: تظهر الشبكة عندما يُحيل الناس بعضهم إلى بعض.',
  drawing: 'شبكة الإحالات: كل نقطة جهة اتصال، وحجمها بقدر ما تربط الآخرين',
  hint: 'النقاط الأكبر تربط أشخاصًا أكثر. اختر نقطة لفتح جهة الاتصال.',
  noWebgl: 'لا يستطيع هذا المتصفح رسم الشبكة (WebGL غير متاح). تعرض القائمة أدناه الأشخاص أنفسهم.',
  legend: 'الألوان',
  unclassified: 'بلا نوع علاقة',
  top: 'أبرز الرابطين',
  topHint: 'مرتبون حسب البينية: كم مرة تقع جهة الاتصال على الطريق بين شخصين آخرين.',
  connector: 'لا روابط | رابط واحد · البينية {score} | {ties} روابط · البينية {score}',
  sampled: 'تقدير من عينة من الشبكة.',
}
