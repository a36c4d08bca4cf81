import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { parseGmailThread } from '../../../shared/capture/gmail-thread'
import { PersonDraft } from '../../../shared/model/person'
import { URLS, savedPage } from './helpers'

const capture = (name: string, url: string, edit?: (html: string) => string, country?: 'US' | 'SA') =>
  parseGmailThread(savedPage(name, url, edit), new URL(url), country ? { defaultCountry: country } : {})

describe('a Gmail thread with three messages, to and cc', () => {
  const result = capture('gmail-thread.html', URLS.thread, undefined, 'US')
  const byEmail = (email: string) => result.people.find((p) => p.emails[0]?.value === email)

  it('captures every sender, to and cc once, in order of appearance, without the signed-in account', () => {
    expect(result.kind).toBe('gmail-thread')
    expect(result.people.map((p) => p.emails[0]?.value)).toEqual([
      'omar.haddad@harborlending.com',
      'priya.raman@summittitle.com',
      'luis@ortegainspections.com',
      'closings@summittitle.com',
      'mark.whitfield@gmail.com',
    ])
    for (const p of result.people) expect(v.parse(PersonDraft, p)).toEqual(p)
    expect(JSON.stringify(result)).not.toContain('jane.doe@harborrealty.com')
  })

  it('reads the Gmail signature: credentials, title | company, labelled phones', () => {
    expect(byEmail('omar.haddad@harborlending.com')).toMatchObject({
      displayName: 'Omar Haddad',
      givenName: 'Omar',
      familyName: 'Haddad',
      credentials: 'MBA',
      title: 'Senior Mortgage Advisor',
      organisation: 'Harbor Lending',
      phones: [
        { value: '+15125550188', label: 'mobile' },
        { value: '+15125550100', label: 'work' },
      ],
    })
  })

  it('never takes a phone from the body text, nor a licence number for one', () => {
    const phones = JSON.stringify(result.people.map((p) => p.phones))
    expect(phones).not.toContain('9999')
    expect(phones).not.toContain('482913')
    expect(phones).not.toContain('24519')
  })

  it('reads a plain-text "-- " signature and ignores the quoted signature of the previous sender', () => {
    expect(byEmail('priya.raman@summittitle.com')).toMatchObject({
      title: 'Escrow Officer',
      organisation: 'Summit Title Company',
      phones: [{ value: '+15125550123', label: 'work' }],
    })
  })

  it('reads the lines after a sign-off when the next line is the sender', () => {
    expect(byEmail('luis@ortegainspections.com')).toMatchObject({
      title: 'Licensed Home Inspector',
      organisation: 'Ortega Inspections LLC',
      phones: [{ value: '+15125550177', label: 'mobile' }],
    })
  })

  it('keeps a recipient without a name attribute as an address only, and lower-cases addresses', () => {
    expect(byEmail('closings@summittitle.com')).toEqual({
      emails: [{ value: 'closings@summittitle.com' }],
      phones: [],
      addresses: [],
      websites: [],
      tags: [],
    })
    expect(byEmail('mark.whitfield@gmail.com')).toMatchObject({ displayName: 'Mark Whitfield', phones: [] })
  })

  it('reads nothing from the hidden inbox list, the nav or the side panel', () => {
    const json = JSON.stringify(result)
    for (const leak of ['zillow', 'marcus', '5125550300', 'Clients', 'Lenders'])
      expect(json).not.toContain(leak)
  })

  it('returns the subject, the thread link, the message count and the last message time', () => {
    expect(result.thread).toEqual({
      subject: 'Offer on 4512 Avenue F – inspection and financing',
      link: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxtWbKJhRTzjLpMvdNnqPsGxC',
      messageCount: 3,
      lastMessageAt: '2024-03-05T16:47',
    })
    expect(result.intro).toBeUndefined()
    expect(result.errors).toEqual([])
  })

  it('keeps numbers without a calling code as written when no default country is given', () => {
    const plain = capture('gmail-thread.html', URLS.thread)
    expect(plain.people[0]!.phones).toEqual([
      { value: '(512) 555-0188', label: 'mobile' },
      { value: '512.555.0100', label: 'work' },
    ])
    expect(plain.people[1]!.phones).toEqual([{ value: '+15125550123', label: 'work' }])
  })
})

describe('a right-to-left Arabic Gmail thread', () => {
  const result = capture('gmail-arabic.html', URLS.arabic, undefined, 'SA')

  it('captures Arabic names and signatures, with Arabic-Indic digits normalized', () => {
    expect(result.people).toMatchObject([
      {
        displayName: 'خالد العمري',
        givenName: 'خالد',
        familyName: 'العمري',
        title: 'مستشار تمويل عقاري',
        organisation: 'مصرف الواحة',
        phones: [{ value: '+966501234567', label: 'mobile' }],
      },
      {
        displayName: 'سارة القحطاني',
        title: 'وسيطة عقارية',
        organisation: 'شركة النخبة للعقارات',
        phones: [
          { value: '+966114657890', label: 'work' },
          { value: '+966559876543', label: 'mobile' },
        ],
      },
      { displayName: 'أحمد الزهراني', emails: [{ value: 'ahmed.alzahrani@outlook.com' }], phones: [] },
    ])
    expect(JSON.stringify(result.people)).not.toContain('layla')
  })

  it('turns Arabic-Indic digits into ASCII even without a default country', () => {
    const plain = capture('gmail-arabic.html', URLS.arabic)
    expect(plain.people[1]!.phones).toEqual([
      { value: '011 465 7890', label: 'work' },
      { value: '055 987 6543', label: 'mobile' },
    ])
  })

  it('keeps the account number of the URL in the link and reads Arabic dates', () => {
    expect(result.thread).toEqual({
      subject: 'تعريف: سارة وأحمد',
      link: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQVxtbRsTuVwXyZaBcDeFgHiJkL',
      messageCount: 2,
      lastMessageAt: '2024-03-05T15:05',
    })
  })
})

describe('when hooks are missing', () => {
  const withoutSwitcher = (html: string) => html.replace(/aria-label="Google Account:[^"]*"/, '')

  it('finds the account owner from the page title when the account switcher is gone', () => {
    const result = capture('gmail-thread.html', URLS.thread, withoutSwitcher)
    expect(result.people).toHaveLength(5)
    expect(result.errors).toEqual([])
  })

  it('finds the account owner from the recipient shown as "me" when the title has no address', () => {
    const edit = (html: string) =>
      withoutSwitcher(html).replace(/<title>[^<]*<\/title>/, '<title>Gmail</title>')
    expect(capture('gmail-thread.html', URLS.thread, edit).people).toHaveLength(5)
  })

  it('reports a missing account owner and still returns every participant', () => {
    const edit = (html: string) =>
      withoutSwitcher(html)
        .replace(/<title>[^<]*<\/title>/, '<title>Gmail</title>')
        .replace(/>me</g, '>Jane<')
    const result = capture('gmail-thread.html', URLS.thread, edit)
    expect(result.errors).toContain(
      'the signed-in account was not found: it may be among the people captured',
    )
    expect(result.people.map((p) => p.emails[0]?.value)).toContain('jane.doe@harborrealty.com')
    expect(result.people).toHaveLength(6)
  })

  it('takes the thread id from data-legacy-thread-id when the URL has none', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox'
    const result = capture('gmail-thread.html', url)
    expect(result.thread?.link).toBe('https://mail.google.com/mail/u/0/#inbox/18e1c2d3e4f5a6b7')
  })

  it('reports a missing subject and thread id, and a sender without a signature', () => {
    const edit = (html: string) =>
      html
        .replace(/<h2 class="hP"[^>]*>[^<]*<\/h2>/, '')
        .replace(/<title>[^<]*<\/title>/, '<title>Gmail</title>')
        .replace(/<span class="gmail_signature_prefix">[\s\S]*?www\.harborlending\.com<\/a><\/div>/, '')
    const result = capture('gmail-thread.html', 'https://mail.google.com/mail/u/0/#inbox', edit)
    expect(result.thread).toEqual({ messageCount: 3, lastMessageAt: '2024-03-05T16:47' })
    expect(result.errors).toEqual([
      'Omar Haddad: no signature found, so no phone, title or company',
      'no subject found (h2.hP)',
      'no thread id in the URL or the page: the thread link is missing',
    ])
  })
})
