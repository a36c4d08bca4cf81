// A stock y-webrtc client (WebrtcProvider, unmodified) for the compatibility test: it joins the
// team's room with the room id and password Rapport derives, and syncs one Y.Doc its own way.
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import './stock-page-api'

let provider: WebrtcProvider | null = null
const doc = new Y.Doc()

window.stockYWebrtc = {
  join(roomId, password, signalingUrl) {
    provider = new WebrtcProvider(roomId, doc, { signaling: [signalingUrl], password })
  },
  connectedPeers() {
    const room = provider?.room
    return room ? [...room.webrtcConns.entries()].filter(([, c]) => c.connected).map(([id]) => id) : []
  },
  content: () => JSON.stringify(doc.toJSON()),
  leave() {
    provider?.destroy()
    provider = null
  },
}
