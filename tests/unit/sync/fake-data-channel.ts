/**
 * A stand-in for an `RTCDataChannel` in Node: it keeps what is sent, counts `bufferedAmount` as a
 * real channel does, and lets the test open, drain, deliver and close by hand.
 */
export class FakeDataChannel extends EventTarget {
  readyState: RTCDataChannelState = 'connecting'
  bufferedAmount = 0
  bufferedAmountLowThreshold = 0
  binaryType: BinaryType = 'blob'
  /** Every message handed to `send`, in order. */
  sent: Uint8Array[] = []
  /** Set when a send came while the buffer was already over this (a real channel would close). */
  limit = Infinity
  overflowed = false

  send(data: Uint8Array) {
    if (this.readyState !== 'open') throw new DOMException('not open', 'InvalidStateError')
    this.sent.push(data.slice())
    this.bufferedAmount += data.length
    if (this.bufferedAmount > this.limit) this.overflowed = true
  }

  open() {
    this.readyState = 'open'
    this.dispatchEvent(new Event('open'))
  }

  /** The network takes `bytes` off the buffer; `bufferedamountlow` fires on crossing the threshold. */
  drain(bytes = Infinity) {
    const before = this.bufferedAmount
    this.bufferedAmount = Math.max(0, before - bytes)
    if (before > this.bufferedAmountLowThreshold && this.bufferedAmount <= this.bufferedAmountLowThreshold) {
      this.dispatchEvent(new Event('bufferedamountlow'))
    }
  }

  receive(data: ArrayBuffer | string) {
    this.dispatchEvent(new MessageEvent('message', { data }))
  }

  close() {
    if (this.readyState === 'closed') return
    this.readyState = 'closed'
    queueMicrotask(() => this.dispatchEvent(new Event('close')))
  }

  asChannel(): RTCDataChannel {
    return this as unknown as RTCDataChannel
  }
}
