import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing'
import {
  dispatchMessage,
  isBridgePortMessage,
  type BackgroundHandlers,
} from '../../../extension/lib/messages'
import { appOrigin, isBuiltInAppOrigin, readSettings, writeSettings } from '../../../extension/lib/settings'
import { area } from './helpers'

const handlers = {
  'contacts/lookup': async () => [null],
  'contacts/search': async () => {
    throw new RangeError('the index is gone')
  },
  'capture/save': async () => ({ status: 'queued', reason: 'later' }),
  'captures/recent': async () => [],
  'team/status': async () => ({ members: [], pending: 0, bridges: 0 }),
} satisfies BackgroundHandlers

describe('messages', () => {
  it('answers through the handler map', async () => {
    expect(await dispatchMessage(handlers, { type: 'contacts/lookup', people: [] }, {})).toEqual({
      ok: true,
      value: [null],
    })
  })

  it('turns a thrown error into plain data with a type, since an Error crosses as {}', async () => {
    const reply = await dispatchMessage(handlers, { type: 'contacts/search', query: 'dana' }, {})
    expect(reply).toEqual({ ok: false, error: { type: 'failed', message: 'RangeError: the index is gone' } })
    expect(JSON.parse(JSON.stringify(reply))).toEqual(reply)
  })

  it('refuses a message nobody handles', async () => {
    expect(await dispatchMessage(handlers, { type: 'bridge/wake' }, {})).toMatchObject({
      ok: false,
      error: { type: 'unknown-message' },
    })
    expect(await dispatchMessage(handlers, 'hello', {})).toMatchObject({ ok: false })
  })

  it('checks bridge port messages', () => {
    expect(isBridgePortMessage({ type: 'bridge/open', teamId: 't' })).toBe(true)
    expect(isBridgePortMessage({ type: 'bridge/open', teamId: '' })).toBe(false)
    expect(isBridgePortMessage({ type: 'bridge/packet', data: 'AAE=' })).toBe(true)
    expect(isBridgePortMessage({ type: 'bridge/packet', data: [0, 1] })).toBe(false)
  })
})

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset())

  it('defaults to the app on localhost:5173 with both sites on', async () => {
    expect(await readSettings(area())).toEqual({
      pwaUrl: 'http://localhost:5173',
      sites: { gmail: true, linkedin: true },
      defaultCountry: 'US',
    })
  })

  it('stores a valid change and refuses a bad address or country whole', async () => {
    expect(
      await writeSettings(area(), {
        pwaUrl: 'http://127.0.0.1:4173/',
        sites: { gmail: false, linkedin: true },
      }),
    ).toMatchObject({ ok: true })
    expect(
      await writeSettings(area(), { pwaUrl: 'javascript:alert(1)', defaultCountry: 'usa' as 'US' }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'pwaUrl', message: 'must be an http:// or https:// address' },
        { field: 'defaultCountry', message: 'must be a two-letter country code such as US' },
      ],
    })
    expect(await readSettings(area())).toMatchObject({
      pwaUrl: 'http://127.0.0.1:4173/',
      sites: { gmail: false },
    })
  })

  it('tells the origins the manifest covers from those that need a permission', () => {
    expect(appOrigin(' http://localhost:5173/#/contacts ')).toBe('http://localhost:5173')
    expect(appOrigin('file:///tmp/app.html')).toBeUndefined()
    expect(isBuiltInAppOrigin('http://127.0.0.1:4173')).toBe(true)
    expect(isBuiltInAppOrigin('https://rapport.example.com')).toBe(false)
  })
})
