import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Whether a new version of the app has taken over, waiting for the user to reload. */
export const useAppUpdateStore = defineStore('app-update', () => {
  const isUpdateAvailable = ref(false)

  function announce() {
    isUpdateAvailable.value = true
  }
  function dismiss() {
    isUpdateAvailable.value = false
  }
  function reload() {
    window.location.reload()
  }
  function $reset() {
    isUpdateAvailable.value = false
  }

  return { isUpdateAvailable, announce, dismiss, reload, $reset }
})
