import type { Contact } from '../../../shared/model/contact'
import { contact } from './helpers'

/**
 * Contacts that exercise export: Arabic names, several labelled values, a custom label, an
 * organisation, a year-less birthday, text that needs escaping and a deleted contact.
 * @returns the contacts, the last one deleted
 */
export function exportContacts(): Contact[] {
  return [
    contact(
      {
        name: { display: 'Jane Doe', given: 'Jane', family: 'Doe' },
        emails: [
          { value: 'jane.doe@harborrealty.com', label: 'work' },
          { value: 'jane.doe@gmail.com', label: 'home' },
          { value: 'janed+listings@gmail.com', label: 'home' },
        ],
        phones: [
          { value: '+14155550132', label: 'mobile' },
          { value: '+14155550199', label: 'work' },
          { value: '+14155550177', label: 'Assistant' },
        ],
        addresses: [
          { label: 'home', street: '123 Main St', city: 'San Francisco', region: 'CA', postalCode: '94110' },
        ],
        web: { linkedin: 'linkedin.com/in/jane-doe-4b2a1c', websites: ['https://janedoehomes.example'] },
        work: { organisation: 'Harbor Realty, Inc.', title: 'Broker; Associate' },
        tags: ['Clients', 'Sphere'],
        notes: 'Met at the Elm St open house, wants 3BR.\nPrefers text; never call before 9.',
        profile: { birthday: '1985-03-14' },
      },
      'c-jane',
    ),
    contact(
      {
        name: { display: 'عبدالرحمن بن فيصل آل سعود', given: 'عبدالرحمن بن فيصل', family: 'آل سعود' },
        emails: [{ value: 'abdulrahman@example.sa', label: 'work' }],
        phones: [{ value: '+966507654321', label: 'mobile' }],
        web: { linkedin: 'linkedin.com/in/عبدالرحمن-آل-سعود' },
        work: { organisation: 'مجموعة آل سعود العقارية', title: 'الرئيس التنفيذي' },
        tags: ['مستثمرين'],
        notes: 'يبحث عن فيلا في حي الملقا بميزانية خمسة ملايين ريال، ويفضل التواصل عبر واتساب بعد العصر.',
        profile: { birthday: '--07-04' },
      },
      'c-abdulrahman',
    ),
    contact(
      {
        name: { display: 'Summit Title & Escrow' },
        kind: 'organisation',
        emails: [{ value: 'orders@summittitle.example' }],
        work: { organisation: 'Summit Title & Escrow' },
      },
      'c-summit',
    ),
    {
      ...contact({ name: { display: 'Deleted Person' }, emails: [{ value: 'gone@example.com' }] }, 'c-gone'),
      deleted: { at: 2, by: 'm-1' },
    },
  ]
}
