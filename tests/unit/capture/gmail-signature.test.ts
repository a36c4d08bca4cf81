import { describe, expect, it } from 'vitest'
import { parseSignature } from '../../../shared/capture/gmail-signature'

describe('parseSignature', () => {
  it('splits "title | company", "title, company" and "title at company"', () => {
    for (const line of [
      'Senior Mortgage Advisor | Harbor Lending',
      'Senior Mortgage Advisor, Harbor Lending',
      'Senior Mortgage Advisor at Harbor Lending',
      'Harbor Lending | Senior Mortgage Advisor',
    ]) {
      expect(parseSignature(['Omar Haddad', line], 'Omar Haddad'), line).toMatchObject({
        title: 'Senior Mortgage Advisor',
        organisation: 'Harbor Lending',
        isRoleUnclear: false,
      })
    }
  })

  it('reads a title line followed by a company line, and keeps credentials from the name line', () => {
    expect(
      parseSignature(['Priya Raman, CRS', 'Escrow Officer', 'Summit Title Company'], 'Priya Raman'),
    ).toEqual({
      phones: [],
      title: 'Escrow Officer',
      organisation: 'Summit Title Company',
      credentials: 'CRS',
      isRoleUnclear: false,
    })
  })

  it('uses a lone line only when its words tell title from company', () => {
    expect(parseSignature(['Listing Agent'], 'Dana')).toMatchObject({ title: 'Listing Agent' })
    expect(parseSignature(['شركة النخبة للعقارات'], 'سارة')).toMatchObject({
      organisation: 'شركة النخبة للعقارات',
    })
    expect(parseSignature(['Keller Williams'], 'Dana')).toEqual({ phones: [], isRoleUnclear: true })
  })

  it('never takes addresses, links, emails or client footers for a title or a company', () => {
    const result = parseSignature(
      [
        '1200 Congress Ave, Suite 400',
        'www.harborlending.com',
        'omar@harborlending.com',
        'Sent from my iPhone',
      ],
      'Omar',
    )
    expect(result).toEqual({ phones: [], isRoleUnclear: false })
  })

  it('does not take a phone label for a title', () => {
    expect(parseSignature(['Mobile – 512 555 0188'], 'Omar', 'US')).toEqual({
      phones: [{ value: '+15125550188', label: 'mobile' }],
      isRoleUnclear: false,
    })
  })
})
