/** The part of a `runtime.Port` the bridge uses, so tests can pass a fake one. */
export interface PortLike {
  name: string
  sender?: { url?: string; id?: string; tab?: { id?: number } }
  postMessage(message: unknown): void
  disconnect(): void
  onMessage: {
    addListener(listener: (message: unknown) => void): void
    removeListener(listener: (message: unknown) => void): void
  }
  onDisconnect: {
    addListener(listener: () => void): void
    removeListener(listener: () => void): void
  }
}
