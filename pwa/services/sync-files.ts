import type { DownloadBytes } from './download'

/** A sync bundle as a file to save, named for the day it was made and what it holds. */
export const bundleFile = (
  bytes: Uint8Array<ArrayBuffer>,
  day: string,
  isPartial: boolean,
): DownloadBytes => ({
  name: `rapport-${isPartial ? 'update' : 'everything'}-${day}.rapportbundle`,
  bytes,
  type: 'application/octet-stream',
})

/** This device's state vectors as a file for another device ("what this device has"). */
export const stateVectorsFile = (bytes: Uint8Array<ArrayBuffer>, day: string): DownloadBytes => ({
  name: `rapport-device-has-${day}.rapportstate`,
  bytes,
  type: 'application/octet-stream',
})
