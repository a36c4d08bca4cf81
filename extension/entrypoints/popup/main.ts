import { browser } from '#imports'

/** The PWA's default address, as served by `npm start`. */
const PWA_URL = 'http://localhost:5173'

const link = document.querySelector<HTMLAnchorElement>('#open-pwa')
if (link) {
  link.href = PWA_URL
  // A plain link in a popup opens nothing in some browsers; open a tab and close the popup.
  link.addEventListener('click', (event) => {
    event.preventDefault()
    void browser.tabs.create({ url: PWA_URL }).then(() => window.close())
  })
}
