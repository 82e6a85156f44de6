/** Moving file bytes across the API as base64: the renderer has no file system access. */

export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      // A data URL is "data:<mime>;base64,<payload>"; only the payload is the file.
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(new Error(`Không đọc được tệp "${file.name}".`))
    reader.readAsDataURL(file)
  })
}

export function base64ToBlob(contentBase64: string, mimeType: string): Blob {
  const binary = atob(contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: mimeType })
}

/** Saves bytes through the browser's download (Electron shows its save dialog). */
export function downloadBase64(fileName: string, contentBase64: string, mimeType: string): void {
  const url = URL.createObjectURL(base64ToBlob(contentBase64, mimeType))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in Chromium; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
