// A stock y-webrtc client (WebrtcProvider, unmodified) for the compatibility tests: what any Yjs
// app can do with a team's room names and passwords, and nothing of Rapport's code. Either one
// Y.Doc in the team session's room, or one Y.Doc per open room (team document, then shards).
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import './stock-page-api'

let providers: WebrtcProvider[] = []
let docs: Y.Doc[] = []
// No STUN: y-webrtc's default would ask public servers; the machine's own addresses suffice.
const peerOpts = { config: { iceServers: [] } }

type Record = Y.Map<unknown>
const contactsOf = (doc: Y.Doc) => doc.getMap<Record>('contacts')
const shards = () => docs.slice(1)

window.stockYWebrtc = {
  join(roomId, password, signalingUrl) {
    docs = [new Y.Doc()]
    providers = [new WebrtcProvider(roomId, docs[0]!, { signaling: [signalingUrl], password, peerOpts })]
  },
  joinTeam(rooms, signalingUrl) {
    docs = rooms.map(() => new Y.Doc())
    providers = rooms.map(
      ({ room, password }, i) =>
        new WebrtcProvider(room, docs[i]!, { signaling: [signalingUrl], password, peerOpts }),
    )
  },
  connectedPeers() {
    const ids = new Set<string>()
    for (const p of providers) {
      for (const [id, c] of p.room?.webrtcConns ?? []) if (c.connected) ids.add(id)
    }
    return [...ids]
  },
  content: () => JSON.stringify(docs[0]?.toJSON() ?? {}),
  names() {
    const names: string[] = []
    for (const doc of shards()) {
      for (const record of contactsOf(doc).values()) {
        const name = record.get('name') as { display?: string } | undefined
        if (name?.display) names.push(name.display)
      }
    }
    return names.sort()
  },
  rename(id, name) {
    const record = shards()
      .map((doc) => contactsOf(doc).get(id))
      .find(Boolean)
    if (!record) return false
    record.set('name', { ...(record.get('name') as object), display: name })
    return true
  },
  addContact(name) {
    const id = `stock-${Math.random().toString(36).slice(2)}`
    const record = new Y.Map<unknown>()
    record.set('name', { display: name })
    contactsOf(shards()[0]!).set(id, record)
    return id
  },
  leave() {
    for (const p of providers) p.destroy()
    providers = []
  },
}
