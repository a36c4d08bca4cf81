import { describe, expect, it } from 'vitest'
import { fillScript, mergeContext } from '../../../shared/plans'

describe('merge fields', () => {
  it('fills known fields and leaves unknown or empty ones visible', () => {
    const ctx = mergeContext({
      contact: {
        name: { display: 'Dana Whitfield', given: 'Dana', family: 'Whitfield' },
        addresses: [{ city: 'Portland' }],
      },
      member: { name: 'Ana Reyes', email: 'ana@rapport.example' },
      teamName: 'Reyes Home Team',
    })
    expect(
      fillScript('Hi {firstName} {lastName}, {agentName} ({agentFirstName}) of {teamName} in {city}.', ctx),
    ).toBe('Hi Dana Whitfield, Ana Reyes (Ana) of Reyes Home Team in Portland.')
    expect(fillScript('Call {agentPhone} or {favouriteColour}; {constructor} {toString}', ctx)).toBe(
      'Call {agentPhone} or {favouriteColour}; {constructor} {toString}',
    )
    expect(fillScript('{agentPhone}', { ...ctx, agentPhone: '  ' })).toBe('{agentPhone}')
  })

  it('never throws, whatever the template', () => {
    expect(fillScript(undefined, {})).toBe('')
    expect(fillScript(42, {})).toBe('')
    expect(fillScript('{ firstName } {} {{firstName}} {first-name', { firstName: 'Dana' })).toBe(
      '{ firstName } {} {Dana} {first-name',
    )
  })

  it('handles Arabic names, from parts or from the display name', () => {
    const fromParts = mergeContext({
      contact: { name: { display: 'ليلى الحسيني', given: 'ليلى', family: 'الحسيني' } },
    })
    expect(fillScript('مرحباً {firstName}، {fullName}', fromParts)).toBe('مرحباً ليلى، ليلى الحسيني')
    const fromDisplay = mergeContext({ contact: { name: { display: 'عبد الله بن خالد' } } })
    expect(fromDisplay.firstName).toBe('عبد')
    expect(fromDisplay.lastName).toBe('الله بن خالد')
    expect(fillScript('Dear {firstName}', mergeContext({ contact: { name: { display: 'نور' } } }))).toBe(
      'Dear نور',
    )
  })

  it('uses an organisation’s name as its first name, and extra fields win', () => {
    const ctx = mergeContext({
      contact: { name: { display: 'Cascade Lending' }, kind: 'organisation' },
      member: { name: 'Ana Reyes' },
      extra: { agentPhone: '+1 503 555 0100', agentName: 'Ana R.' },
    })
    expect(fillScript('Hello {firstName} — {agentName}, {agentPhone}', ctx)).toBe(
      'Hello Cascade Lending — Ana R., +1 503 555 0100',
    )
  })
})
