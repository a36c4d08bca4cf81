/** A file the user saves: its name, text and media type. */
export interface DownloadFile {
  name: string
  text: string
  type: string
}

/** Offers a text file to the user through a temporary object URL and an `a[download]`. */
export function saveFile(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
