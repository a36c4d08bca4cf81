/** A file the user saves: its name, text and media type. */
export interface DownloadFile {
  name: string
  text: string
  type: string
}

/** A binary file the user saves (a sync bundle): its name, bytes and media type. */
export interface DownloadBytes {
  name: string
  bytes: Uint8Array<ArrayBuffer>
  type: string
}

/** Offers a text file to the user through a temporary object URL and an `a[download]`. */
export function saveFile(file: DownloadFile): void {
  offer(file.name, new Blob([file.text], { type: file.type }))
}

/** Offers a binary file to the user, as `saveFile` does. */
export function saveBytes(file: DownloadBytes): void {
  offer(file.name, new Blob([file.bytes], { type: file.type }))
}

function offer(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
