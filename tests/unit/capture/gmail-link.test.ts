import { describe, expect, it } from 'vitest'
import { threadIdFromPage, threadIdFromUrl, threadLink } from '../../../shared/capture/gmail-link'
import { pageFrom } from './helpers'

describe('Gmail thread links', () => {
  it('reads the thread id from inbox, label and search URLs, and not from lists', () => {
    const id = 'FMfcgzQVxtWbKJhRTzjLpMvdNnqPsGxC'
    for (const hash of [
      `#inbox/${id}`,
      `#label/Clients/${id}`,
      `#search/avenue+f/${id}`,
      `#sent/${id}?compose=new`,
    ]) {
      expect(threadIdFromUrl(new URL(`https://mail.google.com/mail/u/0/${hash}`)), hash).toBe(id)
    }
    for (const hash of ['#inbox', '#label/ClientsAndProspects2024', '#search/avenue']) {
      expect(threadIdFromUrl(new URL(`https://mail.google.com/mail/u/0/${hash}`)), hash).toBeUndefined()
    }
  })

  it('reads the id from the subject heading, turning thread-f:<decimal> into hex', () => {
    const doc = pageFrom(
      '<h2 class="hP" data-thread-perm-id="thread-f:1792816374012345678">Subject</h2>',
      'https://mail.google.com/',
    )
    expect(threadIdFromPage(doc.querySelector('h2.hP'))).toBe(BigInt('1792816374012345678').toString(16))
    expect(threadIdFromPage(null)).toBeUndefined()
  })

  it('links in the account of the page', () => {
    expect(threadLink(new URL('https://mail.google.com/mail/u/2/#inbox'), 'abc')).toBe(
      'https://mail.google.com/mail/u/2/#inbox/abc',
    )
    expect(threadLink(undefined, 'abc')).toBe('https://mail.google.com/mail/u/0/#inbox/abc')
  })
})
