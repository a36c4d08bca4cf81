import { defineBackground } from '#imports'

export default defineBackground(() => {
  // Capture and the PWA bridge are wired here by the extension issue; nothing runs yet.
})
