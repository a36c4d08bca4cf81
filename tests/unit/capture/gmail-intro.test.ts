import { describe, expect, it } from 'vitest'
import { detectIntro, type IntroCandidate } from '../../../shared/capture/gmail-intro'
import { parseGmailThread } from '../../../shared/capture/gmail-thread'
import type { PersonDraft } from '../../../shared/model/person'
import { URLS, savedPage } from './helpers'

const person = (displayName: string): PersonDraft => ({
  displayName,
  emails: [],
  phones: [],
  addresses: [],
  websites: [],
  tags: [],
})
const people = ['Sam Patel', 'Dana Whitfield', 'Omar Haddad', 'Priya Raman'].map(person)
const message = (lines: string[], sender: number | null = 0, recipients = [1, 2]): IntroCandidate => ({
  sender,
  recipients,
  lines,
})

describe('an introduction email ("Dana, meet Omar…")', () => {
  const result = parseGmailThread(savedPage('gmail-intro.html', URLS.intro), new URL(URLS.intro), {})

  it('proposes an intro from the introducer to the two people named, with unrecorded consents', () => {
    expect(result.people.map((p) => p.displayName)).toEqual(['Sam Patel', 'Dana Whitfield', 'Omar Haddad'])
    expect(result.intro).toEqual({
      introducer: 0,
      partyA: 1,
      partyB: 2,
      need: 'Omar, Dana and her husband Mark are looking to buy their first home in East Austin this spring and need a pre-approval before they start making offers.',
      consentA: null,
      consentB: null,
      evidence: 'Dana, meet Omar Haddad.',
      messageId: 'msg-f:1793012345678901234',
    })
  })

  it('does not count the signed-in agent, cc’d and named in the body, as a party', () => {
    expect(JSON.stringify(result)).not.toContain('jane.doe@harborrealty.com')
  })

  it('reports the introducer’s missing signature and links the thread in the inbox', () => {
    expect(result.errors).toEqual(['Sam Patel: no signature found, so no phone, title or company'])
    expect(result.thread?.link).toBe(
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxtZdPqLmRkWnBvCjHsTyGfDa',
    )
  })

  it('proposes nothing from the reply alone ("thanks for connecting us", "great to meet you")', () => {
    const replyOnly = savedPage('gmail-intro.html', URLS.intro, (html) =>
      html.replace(/<!-- Message 1:[\s\S]*?<!-- Message 2:/, '<!-- Message 2:'),
    )
    const reply = parseGmailThread(replyOnly, new URL(URLS.intro), {})
    expect(reply.thread?.messageCount).toBe(1)
    expect(reply.intro).toBeUndefined()
  })
})

describe('an Arabic introduction ("أود أن أعرفك")', () => {
  const result = parseGmailThread(savedPage('gmail-arabic.html', URLS.arabic), new URL(URLS.arabic), {})

  it('proposes the intro with the Arabic sentences as evidence and need', () => {
    expect(result.intro).toEqual({
      introducer: 0,
      partyA: 1,
      partyB: 2,
      need: 'أحمد مهندس معماري ويبحث عن أرض سكنية في شمال الرياض خلال الأشهر القادمة.',
      consentA: null,
      consentB: null,
      evidence: 'سارة، أودّ أن أعرّفكِ على أحمد الزهراني.',
      messageId: 'msg-f:1793104455667788990',
    })
    expect(result.people[1]!.displayName).toBe('سارة القحطاني')
    expect(result.people[2]!.displayName).toBe('أحمد الزهراني')
  })
})

describe('detectIntro', () => {
  it('recognises the common phrasings, English and Arabic', () => {
    for (const line of [
      "I'd like to introduce Dana Whitfield to Omar Haddad.",
      'I’m happy to introduce you two: Dana, Omar.',
      'Connecting you two: Omar, Dana is buying in May.',
      'Putting you in touch, Dana and Omar.',
      'Meet Omar, Dana!',
      'دانا، أقدم لكم عمر.',
      'يسعدني أن أعرّفكم: دانا وعمر.',
    ]) {
      const named = line.includes('دانا') ? ['سام', 'دانا', 'عمر'].map(person) : people
      expect(detectIntro([message([line])], named).intro, line).toBeDefined()
    }
  })

  it('orders the parties by first mention and lets the account owner be the introducer', () => {
    const { intro } = detectIntro([message(['Omar, meet Dana Whitfield.'], null, [1, 2])], people)
    expect(intro).toMatchObject({ introducer: null, partyA: 2, partyB: 1 })
  })

  it('needs both parties named in the body and among the recipients', () => {
    expect(detectIntro([message(['Dana, meet Omar.'], 0, [1])], people).intro).toBeUndefined()
    expect(detectIntro([message(["I'd like to introduce someone great."])], people).intro).toBeUndefined()
  })

  it('ignores greetings and thanks that use the same words', () => {
    for (const line of [
      'Great to meet you, Dana and Omar.',
      'Thanks Sam for connecting us, Dana and Omar.',
    ]) {
      expect(detectIntro([message([line])], people).intro, line).toBeUndefined()
    }
  })

  it('proposes nothing, and says so, when more than two people are introduced', () => {
    const result = detectIntro([message(['Dana, Priya, meet Omar.'], 0, [1, 2, 3])], people)
    expect(result).toEqual({
      problem: 'a message introduces more than two people: no introduction was proposed',
    })
  })

  it('takes the first introducing message of the thread', () => {
    const first = message(['Dana, meet Omar.'], 0, [1, 2])
    const later = message(['Omar, meet Priya.'], 1, [2, 3])
    expect(detectIntro([first, later], people).intro).toMatchObject({ introducer: 0, partyA: 1, partyB: 2 })
  })
})
