// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useProjectedQuery } from '../../pwa/composables/useProjectedQuery'
import { eventually } from './helpers/app'

/** A projector stand-in: `pass()` announces a projection pass. */
function changes() {
  const listeners = new Set<() => void>()
  return {
    onChange(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    pass: () => listeners.forEach((l) => l()),
    get listening() {
      return listeners.size
    },
  }
}

describe('useProjectedQuery', () => {
  it('reads once, again after each projection pass, and drops answers of a replaced query', async () => {
    let table = ['a']
    const calls: string[] = []
    const gates: (() => void)[] = []
    const read = (label: string) => async () => {
      calls.push(label)
      if (label === 'slow') await new Promise<void>((resolve) => gates.push(resolve))
      return [...table, label]
    }
    const source = changes()
    const querier = shallowRef<(() => Promise<string[]>) | undefined>(read('all'))
    const scope = effectScope()
    const q = scope.run(() => useProjectedQuery(querier, () => source, { initial: [] as string[] }))!
    await eventually(() => expect(q.data.value).toEqual(['a', 'all']))
    expect(q.isReady.value).toBe(true)

    table = ['a', 'b']
    source.pass()
    await eventually(() => expect(q.data.value).toEqual(['a', 'b', 'all']))

    // A slow read is replaced while it runs: its answer never shows, the new query's does.
    querier.value = read('slow')
    await nextTick()
    expect(q.isReady.value).toBe(false)
    querier.value = read('fast')
    await nextTick()
    gates.forEach((open) => open())
    await eventually(() => expect(q.data.value).toEqual(['a', 'b', 'fast']))
    expect(calls).toEqual(['all', 'all', 'slow', 'fast'])

    // Passes during a run are coalesced into one more run.
    calls.length = 0
    querier.value = read('slow')
    await nextTick()
    source.pass()
    source.pass()
    source.pass()
    gates.splice(0).forEach((open) => open())
    await eventually(() => expect(calls.length).toBe(2))
    gates.splice(0).forEach((open) => open())
    await eventually(() => expect(q.data.value).toEqual(['a', 'b', 'slow']))
    expect(calls).toEqual(['slow', 'slow'])

    scope.stop()
    expect(source.listening).toBe(0)
  })
})
