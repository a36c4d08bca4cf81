import { IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'

/**
 * y-indexeddb without the second encoding of what it loads. It listens for `update` from its
 * constructor on, so Yjs encodes the whole stored state it applies again, for a listener that
 * ignores it (its own origin). Here the listener waits for the load instead; nothing the
 * document receives meanwhile is lost, as y-indexeddb stores the document's whole state in the
 * same task, just before applying, and the listener is back in that task too.
 */
export class LoadingPersistence extends IndexeddbPersistence {
  constructor(name: string, doc: Y.Doc) {
    super(name, doc)
    doc.off('update', this._storeUpdate)
    this.once('synced', () => {
      if (!this._destroyed) doc.on('update', this._storeUpdate)
    })
  }
}
