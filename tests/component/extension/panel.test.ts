// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { captureFromPage, type CaptureResult } from '../../../shared/capture'
import type { CaptureRequest, KnownContact, Reply, SaveOutcome } from '../../../extension/lib/messages'
import { renderPanel } from '../../../extension/lib/ui/panel'
import { createCaptureButton } from '../../../extension/lib/ui/capture-button'

const INTRO_URL = 'https://mail.google.com/mail/u/0/#inbox/18e27b3c4d5e6f70'

function fixture(name: string, url: string): CaptureResult {
  // The repository root: under happy-dom `import.meta.url` is not a file URL.
  const html = readFileSync(path.resolve('tests/fixtures/capture', name), 'utf8')
  return captureFromPage(new DOMParser().parseFromString(html, 'text/html'), url)
}

const dana: KnownContact = {
  id: 'c-dana',
  displayName: 'Dana Whitfield',
  matchedBy: 'email',
  relationshipType: 'core-advocate',
  plan: '33 Touch',
  lastTouch: { kind: 'call', at: Date.UTC(2026, 0, 12), summary: 'Called' },
  source: { kind: 'referral', referrer: 'Sam Patel' },
}

let container: HTMLElement
beforeEach(() => {
  document.body.replaceChildren()
  container = document.createElement('div')
  document.body.append(container)
})

function render(capture: CaptureResult, known: (KnownContact | null)[], outcome?: SaveOutcome) {
  const sent: CaptureRequest[] = []
  const close = vi.fn()
  renderPanel(container, {
    capture,
    known,
    source: 'gmail',
    url: INTRO_URL,
    newId: () => 'req-1',
    save: async (request): Promise<Reply<SaveOutcome>> => {
      sent.push(request)
      return { ok: true, value: outcome ?? { status: 'saved', people: [] } }
    },
    close,
  })
  const input = (person: number, name: string) =>
    container.querySelector<HTMLInputElement>(`[data-person="${person}"] [name="${name}"]`)!
  const clickSave = async () => {
    container.querySelector<HTMLButtonElement>('button.primary')!.click()
    await vi.waitFor(() => expect(status().textContent).not.toBe('Saving…'))
  }
  const status = () => container.querySelector('[role="status"]')!
  return { sent, close, input, clickSave, status }
}

describe('capture panel', () => {
  it('shows every captured field of each person as an editable text input', () => {
    const { input } = render(fixture('gmail-thread.html', INTRO_URL), [])
    expect(input(0, 'displayName').value).toBe('Omar Haddad')
    expect(input(0, 'credentials').value).toBe('MBA')
    expect(input(0, 'title').value).toBe('Senior Mortgage Advisor')
    expect(input(0, 'organisation').value).toBe('Harbor Lending')
    expect(input(0, 'email-0').value).toBe('omar.haddad@harborlending.com')
    expect(input(0, 'phone-0').value).toBe('(512) 555-0188')
    expect(input(0, 'phone-1').value).toBe('512.555.0100')
    expect(input(0, 'phone-2').value).toBe('')
    expect(container.querySelectorAll('details')).toHaveLength(5)
  })

  it('says what the team knows of a person already in Rapport', () => {
    render(fixture('gmail-intro.html', INTRO_URL), [null, dana, null])
    const known = container.querySelector('[data-person="1"] .known')!
    expect(known.textContent).toContain('Already in Rapport')
    expect(known.textContent).toContain('Core advocate')
    expect(known.textContent).toContain('33 Touch')
    expect(known.textContent).toContain('Call, Jan 12, 2026')
    expect(known.textContent).toContain('Referral from Sam Patel')
    expect(container.querySelector('[data-person="0"] .known')).toBeNull()
  })

  it('puts captured text in as text, never as markup', () => {
    const capture: CaptureResult = {
      kind: 'linkedin-profile',
      people: [
        {
          displayName: '<img src=x onerror="alert(1)">Rosa',
          emails: [],
          phones: [],
          addresses: [],
          websites: [],
          tags: [],
        },
      ],
      errors: ['<b>no email</b>'],
    }
    const { input } = render(capture, [null])
    expect(container.querySelector('img, b')).toBeNull()
    expect(input(0, 'displayName').value).toBe('<img src=x onerror="alert(1)">Rosa')
    expect(container.querySelector('summary strong')!.textContent).toBe('<img src=x onerror="alert(1)">Rosa')
    expect(container.querySelector('.notes li')!.textContent).toBe('<b>no email</b>')
  })

  it('saves the edited drafts of the chosen people with the intro moved to their new places', async () => {
    const { sent, input, clickSave, status } = render(
      fixture('gmail-intro.html', INTRO_URL),
      [null, dana, null],
      {
        status: 'saved',
        people: [
          { contactId: 'c-dana', displayName: 'Dana Whitfield', outcome: 'merged' },
          { contactId: 'c-2', displayName: 'Omar Haddad', outcome: 'created' },
        ],
        intro: { id: 'i-1' },
      },
    )
    input(0, 'include-0').checked = false // Sam, the introducer, is not saved
    input(2, 'title').value = 'Mortgage advisor'
    input(2, 'email-1').value = 'omar@example.com'
    await clickSave()
    expect(sent).toHaveLength(1)
    const [request] = sent
    expect(request!.id).toBe('req-1')
    expect(request!.people.map((p) => p.displayName)).toEqual(['Dana Whitfield', 'Omar Haddad'])
    expect(request!.people[1]).toMatchObject({
      title: 'Mortgage advisor',
      emails: [{ value: 'omar.haddad@harborlending.com' }, { value: 'omar@example.com' }],
      phones: [{ value: '(512) 555-0188', label: 'mobile' }],
    })
    expect(request!.intro).toMatchObject({ introducer: null, partyA: 0, partyB: 1 })
    expect(request!.intro!.need).toContain('pre-approval')
    expect(request!.thread).toEqual({
      subject: 'Intro: Dana ↔ Omar (mortgage pre-approval)',
      link: 'https://mail.google.com/mail/u/0/#inbox/18e27b3c4d5e6f70',
    })
    expect(status().textContent).toBe(
      'Saved: Dana Whitfield (merged), Omar Haddad (new). Introduction recorded; ask each side for consent.',
    )
  })

  it('drops the intro when a party is left out, and says why a save was refused or kept', async () => {
    const problems = [{ path: 'people.0.name.display', message: 'needs a name, an email or a phone' }]
    const { sent, input, clickSave, status } = render(fixture('gmail-intro.html', INTRO_URL), [], {
      status: 'invalid',
      problems,
    })
    input(2, 'include-2').checked = false
    await clickSave()
    expect(sent[0]!.intro).toBeUndefined()
    expect(status().textContent).toBe('people.0.name.display: needs a name, an email or a phone')
    expect(status().className).toContain('error')
  })

  it('refuses to save nobody', async () => {
    const { sent, input, clickSave, status } = render(fixture('gmail-intro.html', INTRO_URL), [])
    for (const i of [0, 1, 2]) input(i, `include-${i}`).checked = false
    await clickSave()
    expect(sent).toEqual([])
    expect(status().textContent).toBe('Choose at least one person to save.')
  })

  it('closes', () => {
    const { close } = render(fixture('gmail-intro.html', INTRO_URL), [])
    container.querySelector<HTMLButtonElement>('button[aria-label="Close Rapport panel"]')!.click()
    expect(close).toHaveBeenCalledOnce()
  })
})

describe('capture button', () => {
  it('shows a badge naming the people the team already knows', () => {
    const onClick = vi.fn()
    const button = createCaptureButton(onClick)
    const badge = button.element.querySelector<HTMLElement>('[data-rapport="badge"]')!
    expect(badge.hidden).toBe(true)
    button.setKnown([dana])
    expect(badge.hidden).toBe(false)
    expect(badge.textContent).toBe('In Rapport: Dana Whitfield')
    const omar = { ...dana, id: 'c-2', displayName: 'Omar Haddad' }
    button.setKnown([dana, omar])
    expect(badge.textContent).toBe('In Rapport: Dana Whitfield, Omar Haddad')
    button.setKnown([dana, omar, { ...dana, id: 'c-3', displayName: 'Sam Patel' }])
    expect(badge.textContent).toBe('In Rapport: Dana Whitfield, Omar Haddad +1')
    expect(badge.title).toBe('Dana Whitfield, Omar Haddad, Sam Patel')
    button.element.querySelector('button')!.click()
    expect(onClick).toHaveBeenCalledOnce()
  })
})
