import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyRemoteUpdate } from '../../../shared/doc'

type Heard = { update: Uint8Array; origin: unknown }

/** A document with an `update` listener that writes down what it hears. */
function listened(): { doc: Y.Doc; heard: Heard[] } {
  const doc = new Y.Doc()
  const heard: Heard[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => heard.push({ update, origin }))
  return { doc, heard }
}

/** Every update `source` has made so far, one per transaction. */
function recorder(source: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  source.on('update', (u: Uint8Array) => updates.push(u))
  return updates
}

/** A document built only from what a listener heard: what a peer or the persistence would hold. */
function replay(heard: Heard[]): Y.Doc {
  const copy = new Y.Doc()
  for (const h of heard) Y.applyUpdate(copy, h.update)
  return copy
}

const contents = (doc: Y.Doc) => doc.getMap('contacts').toJSON()

describe('applyRemoteUpdate', () => {
  it('hands the listeners the received bytes and origin, and says the document changed', () => {
    const source = new Y.Doc()
    source.getMap('contacts').set('c1', 'Sara Ali')
    const update = Y.encodeStateAsUpdate(source)
    const { doc, heard } = listened()

    expect(applyRemoteUpdate(doc, update, 'peer-1')).toBe(true)

    expect(heard).toHaveLength(1)
    expect(heard[0]!.update).toBe(update) // the very bytes, not a new encoding
    expect(heard[0]!.origin).toBe('peer-1')
    expect(contents(doc)).toEqual({ c1: 'Sara Ali' })
  })

  it('says nothing for an update the document already holds', () => {
    const source = new Y.Doc()
    source.getMap('contacts').set('c1', 'Sara Ali')
    const update = Y.encodeStateAsUpdate(source)
    const { doc, heard } = listened()
    applyRemoteUpdate(doc, update, 'peer-1')

    expect(applyRemoteUpdate(doc, update, 'peer-2')).toBe(false)
    expect(heard).toHaveLength(1)
  })

  it('passes on a delete-only update', () => {
    const source = new Y.Doc()
    const updates = recorder(source)
    source.getMap('contacts').set('c1', 'Sara Ali')
    source.getMap('contacts').delete('c1')
    const { doc, heard } = listened()
    applyRemoteUpdate(doc, updates[0]!, 'peer')

    expect(applyRemoteUpdate(doc, updates[1]!, 'peer')).toBe(true)
    expect(heard.map((h) => h.update)).toEqual(updates)
    expect(contents(replay(heard))).toEqual({})
  })

  it('passes on structs that wait for a missing update, and what completes them', () => {
    const source = new Y.Doc()
    const updates = recorder(source)
    const text = source.getText('notes')
    text.insert(0, 'Met at the open house')
    text.insert(0, 'Spring: ')
    const { doc, heard } = listened()

    // The second update first: it builds on the first, so its structs wait.
    applyRemoteUpdate(doc, updates[1]!, 'peer')
    expect(doc.store.pendingStructs).not.toBeNull()
    expect(heard).toHaveLength(1)

    applyRemoteUpdate(doc, updates[0]!, 'peer')
    expect(doc.getText('notes').toString()).toBe('Spring: Met at the open house')
    expect(replay(heard).getText('notes').toString()).toBe('Spring: Met at the open house')
  })

  it('encodes and passes on a change an observer makes while the update is applied', () => {
    const source = new Y.Doc()
    source.getMap('contacts').set('c1', 'Sara Ali')
    const { doc, heard } = listened()
    doc.getMap('contacts').observe((event) => {
      if (event.keysChanged.has('c1')) doc.getMap('seen').set('c1', true)
    })

    applyRemoteUpdate(doc, Y.encodeStateAsUpdate(source), 'peer')

    expect(heard.map((h) => h.origin)).toEqual(['peer', null])
    const copy = replay(heard)
    expect(copy.getMap('seen').toJSON()).toEqual({ c1: true })
    expect(contents(copy)).toEqual({ c1: 'Sara Ali' })
  })

  it('keeps a listener added while the update is applied, and the ones before it', () => {
    const source = new Y.Doc()
    source.getMap('contacts').set('c1', 'Sara Ali')
    const { doc, heard } = listened()
    const late: unknown[] = []
    const onLate = (_u: Uint8Array, origin: unknown) => late.push(origin)
    doc.getMap('contacts').observe(() => doc.on('update', onLate)) // a Set: added once

    applyRemoteUpdate(doc, Y.encodeStateAsUpdate(source), 'peer')
    doc.getMap('contacts').set('c2', 'Omar Haddad')

    expect(heard.map((h) => h.origin)).toEqual(['peer', null])
    expect(late).toEqual(['peer', null])
  })

  it('throws for an update that fails part way, after passing on the part the document took', () => {
    const source = new Y.Doc()
    source.getMap('contacts').set('c1', 'Sara Ali')
    const whole = Y.encodeStateAsUpdate(source)
    // The structs are whole; the delete set after them is cut off, so Yjs fails after taking them.
    const damaged = whole.slice(0, whole.length - 1)
    const { doc, heard } = listened()

    expect(() => applyRemoteUpdate(doc, damaged, 'peer')).toThrow()

    expect(contents(doc)).toEqual({ c1: 'Sara Ali' })
    expect(heard).toHaveLength(1)
    expect(contents(replay(heard))).toEqual({ c1: 'Sara Ali' })
    expect(doc._observers.get('update')?.size).toBe(1) // the listener is back
  })

  it('applies as Yjs does inside an open transaction', () => {
    const source = new Y.Doc()
    source.getMap('contacts').set('c1', 'Sara Ali')
    const { doc, heard } = listened()

    doc.transact(() => {
      applyRemoteUpdate(doc, Y.encodeStateAsUpdate(source), 'peer')
      doc.getMap('contacts').set('c2', 'Omar Haddad')
    }, 'local')

    expect(heard).toHaveLength(1)
    expect(heard[0]!.origin).toBe('local')
    expect(contents(replay(heard))).toEqual({ c1: 'Sara Ali', c2: 'Omar Haddad' })
  })

  it('gives listeners enough to rebuild the document, whatever order updates come in', () => {
    const edit = fc.record({
      key: fc.constantFrom('c1', 'c2', 'c3'),
      value: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.nat(), (edits, seed) => {
        const source = new Y.Doc()
        const updates = recorder(source)
        for (const { key, value } of edits) {
          if (value === undefined) source.getMap('contacts').delete(key)
          else source.getMap('contacts').set(key, value)
        }
        const order = updates.map((u, i) => ({ u, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k)
        const { doc, heard } = listened()
        for (const { u } of order) applyRemoteUpdate(doc, u, 'peer')

        expect(contents(doc)).toEqual(contents(source))
        expect(contents(replay(heard))).toEqual(contents(source))
      }),
    )
  })
})
