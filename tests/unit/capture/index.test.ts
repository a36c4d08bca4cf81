import { describe, expect, it } from 'vitest'
import { captureFromPage } from '../../../shared/capture'
import { URLS, fixtureHtml, pageFrom, savedPage } from './helpers'

describe('captureFromPage', () => {
  it('captures a Gmail thread, a LinkedIn profile, and nothing from another page', () => {
    expect(captureFromPage(savedPage('gmail-thread.html', URLS.thread), URLS.thread).kind).toBe(
      'gmail-thread',
    )
    expect(captureFromPage(savedPage('linkedin-profile.html', URLS.profile), URLS.profile).kind).toBe(
      'linkedin-profile',
    )
    expect(captureFromPage(savedPage('news-article.html', URLS.article), URLS.article)).toEqual({
      kind: 'unsupported',
      people: [],
      errors: ['this page is not a Gmail thread or a LinkedIn profile'],
    })
  })

  it('says what to open on Gmail and LinkedIn pages that are not a thread or a profile', () => {
    const inbox = pageFrom('<html><body><div role="main"></div></body></html>', 'https://mail.google.com/')
    expect(captureFromPage(inbox, 'https://mail.google.com/mail/u/0/#inbox').errors).toEqual([
      'no conversation is open in Gmail: open one to capture it',
    ])
    const feed = savedPage('linkedin-profile.html', 'https://www.linkedin.com/feed/')
    expect(captureFromPage(feed, 'https://www.linkedin.com/feed/')).toMatchObject({
      kind: 'unsupported',
      errors: ['this LinkedIn page is not a profile: open a profile to capture it'],
    })
  })

  it('recognises saved pages served from elsewhere by their markup', () => {
    const file = 'file:///home/agent/saved/thread.html'
    const thread = captureFromPage(savedPage('gmail-thread.html', file), file)
    expect(thread.kind).toBe('gmail-thread')
    expect(thread.thread?.link).toBe('https://mail.google.com/mail/u/0/#inbox/18e1c2d3e4f5a6b7')
    const profile = captureFromPage(savedPage('linkedin-arabic.html', 'http://localhost:5173/p'), 'not a url')
    expect(profile.kind).toBe('linkedin-profile')
    expect(profile.people[0]!.displayName).toBe('نورة الشمري')
  })

  it('returns plain data that survives extension messaging (JSON)', () => {
    for (const [name, url] of [
      ['gmail-intro.html', URLS.intro],
      ['linkedin-profile.html', URLS.profile],
    ] as const) {
      const result = captureFromPage(savedPage(name, url), url)
      expect(JSON.parse(JSON.stringify(result))).toEqual(result)
    }
  })
})

describe('captured text is plain text', () => {
  const PAYLOAD = '<img src=x onerror=alert(1)>'

  it('keeps an HTML-like Gmail name as the literal text, never as markup', () => {
    const html = fixtureHtml('gmail-thread.html').replace(
      'name="Mark Whitfield">Mark</span></span>',
      'name="&lt;img src=x onerror=alert(1)&gt; Mark">&lt;img src=x onerror=alert(1)&gt;</span></span>',
    )
    const result = captureFromPage(pageFrom(html, URLS.thread), URLS.thread)
    const mark = result.people.find((p) => p.emails[0]?.value === 'mark.whitfield@gmail.com')
    expect(mark?.displayName).toBe(`${PAYLOAD} Mark`)
    expect(typeof mark?.displayName).toBe('string')
  })

  it('reads markup injected into a LinkedIn name as text only, and runs none of it', () => {
    const scope = globalThis as { pwned?: boolean }
    const html = fixtureHtml('linkedin-profile.html').replace(
      /(<h1[^>]*>)Rosa Delgado-Marín[^<]*<\/h1>/,
      '$1&lt;img src=x onerror=alert(1)&gt; Rosa<img src="x" onerror="globalThis.pwned = true"><script>globalThis.pwned = true</script></h1>',
    )
    const result = captureFromPage(pageFrom(html, URLS.profile), URLS.profile)
    expect(result.people[0]!.displayName).toBe(`${PAYLOAD} Rosa`)
    expect(JSON.stringify(result)).not.toContain('pwned')
    expect(scope.pwned).toBeUndefined()
  })
})
