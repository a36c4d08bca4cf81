import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { parseLinkedInProfile } from '../../../shared/capture/linkedin-profile'
import { PersonDraft } from '../../../shared/model/person'
import { URLS, savedPage } from './helpers'

const capture = (name: string, url: string, edit?: (html: string) => string) =>
  parseLinkedInProfile(savedPage(name, url, edit), new URL(url), { defaultCountry: 'US' })

/** Everything on the fixture that belongs to someone else: the nav, the asides, the messaging overlay. */
const OTHER_PEOPLE = [
  'Jane Doe',
  'jane-doe',
  'Marcus',
  'Tom Reyes',
  'Gwen',
  'Aisha',
  'Kevin',
  'Keller',
  'Compass',
  'Summit Bank',
  '0999',
  '0149',
  'example.net',
  'Science Teacher',
  'Austin ISD',
]

describe('a LinkedIn profile with pronouns, emoji, credentials and Contact info open', () => {
  const result = capture('linkedin-profile.html', URLS.profile)

  it('splits the name into name, pronouns and credentials, and drops the emoji', () => {
    expect(result.kind).toBe('linkedin-profile')
    expect(result.people).toHaveLength(1)
    expect(result.people[0]).toMatchObject({
      displayName: 'Rosa Delgado-Marín',
      givenName: 'Rosa',
      familyName: 'Delgado-Marín',
      pronouns: 'She/Her',
      credentials: 'CRS, GRI',
    })
  })

  it('takes the current title and company from the first current role of Experience', () => {
    expect(result.people[0]).toMatchObject({ title: 'Broker Associate', organisation: 'Harbor Realty' })
  })

  it('captures the email, phone, websites and birthday of the Contact info overlay', () => {
    const person = result.people[0]!
    expect(person.emails).toEqual([{ value: 'rosa@harborrealty.com' }])
    expect(person.phones).toEqual([{ value: '+15125550142', label: 'mobile' }])
    expect(person.websites).toEqual([
      'https://www.harborrealty.com/agents/rosa-delgado-marin',
      'https://rosasellsaustin.com/',
    ])
    expect(person.birthday).toBe('--03-14')
    expect(person.linkedinUrl).toBe('linkedin.com/in/rosa-delgado-marin')
    expect(v.parse(PersonDraft, person)).toEqual(person)
  })

  it('returns the headline, location and canonical URL, and no errors', () => {
    expect(result.profile).toEqual({
      headline:
        'Helping Austin families buy & sell homes | Broker Associate at Harbor Realty | Relocation specialist',
      location: 'Austin, Texas, United States',
      canonicalUrl: 'linkedin.com/in/rosa-delgado-marin',
    })
    expect(result.errors).toEqual([])
  })

  it('takes nothing from the global nav, People also viewed, other sections or messaging', () => {
    const json = JSON.stringify(result)
    for (const leak of OTHER_PEOPLE) expect(json, leak).not.toContain(leak)
  })
})

describe('a LinkedIn profile in Arabic, right to left, without Contact info', () => {
  const result = capture('linkedin-arabic.html', URLS.arabicProfile)

  it('reads the Arabic name without its flag emoji, and the current position', () => {
    expect(result.people).toEqual([
      {
        displayName: 'نورة الشمري',
        givenName: 'نورة',
        familyName: 'الشمري',
        title: 'مديرة مبيعات',
        organisation: 'شركة النخبة للعقارات',
        linkedinUrl: 'linkedin.com/in/نورة-الشمري-4a7b21',
        emails: [],
        phones: [],
        addresses: [],
        websites: [],
        tags: [],
      },
    ])
    expect(result.profile).toEqual({
      headline: 'مستشارة عقارية | إدارة الأملاك السكنية في الرياض',
      location: 'الرياض، منطقة الرياض، السعودية',
      canonicalUrl: 'linkedin.com/in/نورة-الشمري-4a7b21',
    })
  })

  it('asks for Contact info instead of guessing an email or taking the About section’s number', () => {
    expect(result.errors).toEqual(['no email on this profile: open Contact info to capture it'])
    const json = JSON.stringify(result)
    for (const leak of ['ليلى', 'فهد', 'منى', 'عبدالله', 'دار الأركان', '0509998877']) {
      expect(json, leak).not.toContain(leak)
    }
  })
})

describe('when hooks are missing', () => {
  it('falls back to the top card’s company button when Experience has no current role', () => {
    const edit = (html: string) => html.replace(/Jan 2021 - Present/, 'Jan 2021 - Mar 2024')
    const result = capture('linkedin-profile.html', URLS.profile, edit)
    expect(result.people[0]!.organisation).toBe('Harbor Realty')
    expect(result.people[0]!.title).toBeUndefined()
    expect(result.errors).toEqual(['no current title found in Experience'])
  })

  it('takes the pronouns from the label beside the name', () => {
    const edit = (html: string) =>
      html.replace(
        /(<h1[^>]*>)Rosa Delgado-Marín \(She\/Her\), CRS, GRI 🏡✨<\/h1>/,
        '$1Rosa Delgado-Marín, CRS</h1><span class="text-body-small v-align-middle break-words t-black--light">She/Her</span>',
      )
    expect(capture('linkedin-profile.html', URLS.profile, edit).people[0]).toMatchObject({
      displayName: 'Rosa Delgado-Marín',
      pronouns: 'She/Her',
      credentials: 'CRS',
    })
  })

  it('refuses a Contact info overlay that belongs to another profile', () => {
    const edit = (html: string) =>
      html.replace(
        'href="https://www.linkedin.com/in/rosa-delgado-marin" class="link-without',
        'href="https://www.linkedin.com/in/someone-else" class="link-without',
      )
    const result = capture('linkedin-profile.html', URLS.profile, edit)
    expect(result.people[0]!.emails).toEqual([])
    expect(result.errors).toEqual([
      'the open Contact info belongs to another profile, so it was not captured',
    ])
  })

  it('reports an overlay without email or phone', () => {
    const edit = (html: string) =>
      html.replace(
        /<section class="pv-contact-info__contact-type">\s*<li-icon[^>]*type="(?:envelope|phone-handset)"[\s\S]*?<\/section>/g,
        '',
      )
    expect(capture('linkedin-profile.html', URLS.profile, edit).errors).toEqual([
      'no email in Contact info: the member does not share one',
      'no phone in Contact info',
    ])
  })

  it('uses the page title and URL when the top card is gone, and names every missing field', () => {
    const edit = (html: string) =>
      html
        .replace(/<!-- Top card -->[\s\S]*?<!-- About -->/, '')
        .replace(/<link rel="canonical"[^>]*>/, '')
        .replace(/<div id="artdeco-modal-outlet"[\s\S]*?<\/body>/, '</body>')
        .replace(/<section data-view-name="profile-card"[^>]*>\s*<div id="experience"[\s\S]*?<\/section>/, '')
    const result = capture('linkedin-profile.html', 'https://www.linkedin.com/in/Rosa-Delgado-Marin/', edit)
    expect(result.people).toMatchObject([
      {
        displayName: 'Rosa Delgado-Marín',
        pronouns: 'She/Her',
        linkedinUrl: 'linkedin.com/in/rosa-delgado-marin',
      },
    ])
    expect(result.errors).toEqual([
      'no headline found on this profile',
      'no location found on this profile',
      'no current position found in Experience or on the top card',
      'no email on this profile: open Contact info to capture it',
    ])
  })
})
