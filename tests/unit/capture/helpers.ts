import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Window } from 'happy-dom'
import { afterAll } from 'vitest'

const windows: Window[] = []

afterAll(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()))
})

/**
 * A page's `Document` built from HTML by happy-dom's `DOMParser`, which runs no script: the
 * parsers see the markup exactly as saved. Windows are closed after the test file.
 * @param html - the page's markup
 * @param url - the URL the page was saved from
 * @returns the document
 */
export function pageFrom(html: string, url: string): Document {
  const window = new Window({ url })
  windows.push(window)
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document
}

/**
 * The markup of a saved page in `tests/fixtures/capture/`.
 * @param name - the file name
 * @returns the HTML
 */
export function fixtureHtml(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/capture/${name}`, import.meta.url)), 'utf8')
}

/**
 * A saved page from `tests/fixtures/capture/`, optionally edited first (to take a hook away).
 * @param name - the file name
 * @param url - the URL the page was saved from
 * @param edit - changes the markup before it is parsed
 * @returns its document
 */
export function savedPage(name: string, url: string, edit: (html: string) => string = (h) => h): Document {
  return pageFrom(edit(fixtureHtml(name)), url)
}

/** The URLs the fixtures were saved from. */
export const URLS = {
  thread: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxtWbKJhRTzjLpMvdNnqPsGxC',
  intro: 'https://mail.google.com/mail/u/0/#label/Referrals/FMfcgzQVxtZdPqLmRkWnBvCjHsTyGfDa',
  arabic: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQVxtbRsTuVwXyZaBcDeFgHiJkL',
  profile: 'https://www.linkedin.com/in/rosa-delgado-marin/overlay/contact-info/',
  arabicProfile:
    'https://www.linkedin.com/in/%D9%86%D9%88%D8%B1%D8%A9-%D8%A7%D9%84%D8%B4%D9%85%D8%B1%D9%8A-4a7b21/',
  article: 'https://www.austin-courier.example/news/2024/03/04/spring-housing-market',
} as const
