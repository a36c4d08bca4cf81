import * as Y from 'yjs'

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void

/**
 * Applies an update that came from elsewhere (a peer, a bundle) and hands its listeners the bytes
 * as received, instead of letting Yjs encode the applied transaction again for them.
 *
 * Yjs encodes every transaction for its `update` listeners as long as there is one. For a
 * received update that work only rebuilds bytes the caller already holds: a 10k-contact first
 * sync spent 1.4 s of its receiver's 3.7 s in it. Listeners see what they saw before, except
 * that a received update holding structs the document already had comes to them whole.
 *
 * Listeners hear of the update when it changed the document or left structs waiting for what
 * they build on (those bytes are the only record of them). Falls back to `Y.applyUpdate` while
 * the document already has such waiting structs, since integrating them is then part of the
 * transaction's update. A change an observer makes while the update is applied (a transaction of
 * its own) is encoded from that transaction's starting state and handed on as well. A listener
 * that unsubscribes from inside an observer during the apply stays subscribed. An update that fails
 * part way (damaged bytes) throws as `Y.applyUpdate` does, after the listeners have heard of
 * whatever part of it the document took.
 *
 * Returns whether the update changed the document. Inside an open transaction (or an observer) it
 * applies as `Y.applyUpdate` does and says true: the change is not known until that one ends.
 */
export function applyRemoteUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  if (doc._transaction !== null || doc._transactionCleanups.length > 0) {
    Y.applyUpdate(doc, update, origin)
    return true
  }
  const store = doc.store
  const listeners = doc._observers.get('update') as Set<UpdateListener> | undefined
  const hearing = listeners ? [...listeners] : []
  const isQuiet = listeners !== undefined && store.pendingStructs === null && store.pendingDs === null
  let applied: Y.Transaction | null = null
  const others: Y.Transaction[] = []
  const onTransaction = (transaction: Y.Transaction) => {
    if (applied === null) applied = transaction
    else if (isChange(transaction)) others.push(transaction)
  }
  if (isQuiet) doc._observers.delete('update')
  doc.on('afterTransaction', onTransaction)
  let failure: { error: unknown } | undefined
  try {
    Y.applyUpdate(doc, update, origin)
  } catch (error) {
    failure = { error }
  } finally {
    doc.off('afterTransaction', onTransaction)
    if (isQuiet) {
      const added = doc._observers.get('update') as Set<UpdateListener> | undefined
      // A listener added while the update was applied joins the ones that were there.
      if (added) for (const l of added) listeners.add(l)
      doc._observers.set('update', listeners)
    }
  }
  const first = applied as Y.Transaction | null
  const isChanged = first !== null && isChange(first)
  if (isQuiet) {
    // Only to the listeners there before: one added during the apply had Yjs's own encoding.
    const emit = (bytes: Uint8Array, t: Y.Transaction) => {
      for (const l of hearing) l(bytes, t.origin, doc, t)
    }
    const since = (t: Y.Transaction) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(t.beforeState))
    // A damaged update may have changed the document before it failed: that part is encoded.
    if (first && failure) {
      if (isChanged) emit(since(first), first)
    } else if (first && (isChanged || store.pendingStructs !== null || store.pendingDs !== null)) {
      emit(update, first)
    }
    for (const t of others) emit(since(t), t)
  }
  if (failure) throw failure.error
  return isChanged
}

function isChange(t: Y.Transaction): boolean {
  if (t.deleteSet.clients.size > 0) return true
  for (const [client, clock] of t.afterState) if (t.beforeState.get(client) !== clock) return true
  return false
}
