import { describe, expect, test } from 'vitest'
import {
  canonicalLinkedInUrl,
  linkedInProfileUrl,
  normalizeEmail,
  normalizePhone,
} from '../../../shared/io/normalize'

describe('normalizeEmail', () => {
  test('trims and lower-cases, keeping plus-addressing and dots', () => {
    expect(normalizeEmail('  Jane.Doe+Listings@Gmail.COM ')).toBe('jane.doe+listings@gmail.com')
  })
})

describe('normalizePhone', () => {
  test('turns international numbers into E.164 whatever their punctuation', () => {
    expect(normalizePhone('+1 (415) 555-0132')).toBe('+14155550132')
    expect(normalizePhone('+971 50 123 4567')).toBe('+971501234567')
    expect(normalizePhone('00966 55 123 4567')).toBe('+966551234567')
  })

  test('reads national numbers with a default country', () => {
    expect(normalizePhone('050 123 4567', 'AE')).toBe('+971501234567')
    expect(normalizePhone('(415) 555-0132', 'US')).toBe('+14155550132')
  })

  test('gives undefined for national numbers without a country, and for non-numbers', () => {
    expect(normalizePhone('050 123 4567')).toBeUndefined()
    expect(normalizePhone('n/a', 'US')).toBeUndefined()
    expect(normalizePhone('+1 555', 'US')).toBeUndefined()
  })
})

describe('canonicalLinkedInUrl', () => {
  test('reduces profile URL variants to linkedin.com/in/<slug>', () => {
    expect(canonicalLinkedInUrl('https://www.linkedin.com/in/Jane-Doe-123/?originalSubdomain=uk')).toBe(
      'linkedin.com/in/jane-doe-123',
    )
    expect(canonicalLinkedInUrl('http://uk.linkedin.com/in/jane-doe-123')).toBe(
      'linkedin.com/in/jane-doe-123',
    )
    expect(canonicalLinkedInUrl('linkedin.com/in/jane-doe-123/details/experience/')).toBe(
      'linkedin.com/in/jane-doe-123',
    )
    expect(canonicalLinkedInUrl('https://www.linkedin.com/mwlite/in/jane-doe-123')).toBe(
      'linkedin.com/in/jane-doe-123',
    )
  })

  test('decodes Arabic slugs', () => {
    expect(canonicalLinkedInUrl('linkedin.com/in/%D8%B3%D8%A7%D8%B1%D8%A9-7a1b2c')).toBe(
      'linkedin.com/in/سارة-7a1b2c',
    )
    expect(canonicalLinkedInUrl('https://www.linkedin.com/in/سارة-7a1b2c/')).toBe(
      'linkedin.com/in/سارة-7a1b2c',
    )
  })

  test('gives undefined for pages that are not member profiles', () => {
    expect(canonicalLinkedInUrl('https://www.linkedin.com/company/harbor-realty/')).toBeUndefined()
    expect(canonicalLinkedInUrl('https://www.linkedin.com/feed/')).toBeUndefined()
    expect(canonicalLinkedInUrl('https://www.linkedin.com/in/')).toBeUndefined()
    expect(canonicalLinkedInUrl('https://notlinkedin.com/in/jane')).toBeUndefined()
    expect(canonicalLinkedInUrl('jane doe')).toBeUndefined()
  })

  test('linkedInProfileUrl turns the canonical form back into a link', () => {
    expect(linkedInProfileUrl('linkedin.com/in/jane-doe-123')).toBe(
      'https://www.linkedin.com/in/jane-doe-123',
    )
    expect(linkedInProfileUrl('linkedin.com/in/سارة')).toBe(
      'https://www.linkedin.com/in/%D8%B3%D8%A7%D8%B1%D8%A9',
    )
  })
})
