/**
 * The boundaries of ARCHITECTURE.md, checked on the source text (ESLint checks them too, with
 * scope analysis; this test keeps them in `npm test` even if lint is skipped):
 * - `shared/` imports no vue, pinia, wxt, `#imports`, extension APIs or Node builtins, nothing
 *   outside `shared/`, and touches none of the browser globals;
 * - `pwa/` and `extension/` never import each other;
 * - `shared/` has no import cycles (dpdm).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCircular, parseDependencyTree } from 'dpdm'
import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sharedDir = path.join(root, 'shared')
const pwaDir = path.join(root, 'pwa')
const extensionDir = path.join(root, 'extension')

const FORBIDDEN_GLOBALS = ['window', 'document', 'location', 'localStorage', 'indexedDB', 'chrome', 'browser']
const FORBIDDEN_PACKAGES = [
  /^vue($|\/)/,
  /^@vue\//,
  /^pinia($|\/)/,
  /^wxt($|\/)/,
  /^@wxt-dev\//,
  /^#imports$/,
]
const FORBIDDEN_PACKAGES_EXTRA = [/^webextension-polyfill($|\/)/, /^node:/]

/** Source files under `dir`, recursively, skipping generated output. */
function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...sourceFiles(full, extensions))
    else if (extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts'))
      out.push(full)
  }
  return out
}

/**
 * Blanks comments (always) and the contents of string literals (when `blankStrings`), keeping
 * offsets and template `${}` expressions. A pragmatic lexer: regex literals are recognised by the
 * token before the slash, which is enough for this codebase.
 */
function stripSource(src: string, blankStrings: boolean): string {
  const out = src.split('')
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' '
  }
  /** Brace depths at which an open template literal resumes. */
  const templates: number[] = []
  let depth = 0
  let i = 0
  let lastSignificant = ''
  const readString = (quote: string) => {
    const start = i
    i++
    while (i < src.length && src[i] !== quote && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1
    i++
    if (blankStrings) blank(start + 1, i - 1)
  }
  /** Reads template text from i (just after ` or }) to the closing ` or the next ${. */
  const readTemplateText = () => {
    const start = i
    while (i < src.length) {
      if (src[i] === '\\') i += 2
      else if (src[i] === '`') {
        if (blankStrings) blank(start, i)
        i++
        return
      } else if (src[i] === '$' && src[i + 1] === '{') {
        if (blankStrings) blank(start, i)
        i += 2
        templates.push(depth)
        depth++
        return
      } else i++
    }
  }
  while (i < src.length) {
    const c = src[i]!
    const next = src[i + 1]
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i)
      const stop = end === -1 ? src.length : end
      blank(i, stop)
      i = stop
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2)
      const stop = end === -1 ? src.length : end + 2
      blank(i, stop)
      i = stop
    } else if (c === "'" || c === '"') {
      readString(c)
      lastSignificant = 'x'
    } else if (c === '`') {
      i++
      readTemplateText()
      lastSignificant = 'x'
    } else if (c === '/' && /^$|[(,=:[!&|?{};+\-*%<>~^]$/.test(lastSignificant)) {
      // A regex literal: skip to the closing slash outside a character class.
      const start = i
      let inClass = false
      i++
      while (i < src.length && src[i] !== '\n') {
        if (src[i] === '\\') i++
        else if (src[i] === '[') inClass = true
        else if (src[i] === ']') inClass = false
        else if (src[i] === '/' && !inClass) break
        i++
      }
      i++
      if (blankStrings) blank(start + 1, i - 1)
      lastSignificant = 'x'
    } else {
      if (c === '{') depth++
      if (c === '}') {
        depth--
        if (templates.length && templates[templates.length - 1] === depth) {
          templates.pop()
          i++
          readTemplateText()
          lastSignificant = 'x'
          continue
        }
      }
      if (!/\s/.test(c)) lastSignificant = /[\w$]/.test(c) ? 'x' : c
      i++
    }
  }
  return out.join('')
}

/** Every module specifier in static imports, re-exports, dynamic `import()` and `require()`. */
function importSpecifiers(src: string): string[] {
  const code = stripSource(src, false)
  const found: string[] = []
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?(['"])([^'"\n]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
    /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ]
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[2]!)
  return found
}

/** Whether the file binds `name` itself (a declaration, an import, or a typed or destructured parameter). */
function bindsLocally(code: string, name: string): boolean {
  const n = name
  return [
    new RegExp(`\\b(?:const|let|var|function|class)\\s+${n}\\b`),
    new RegExp(`\\b(?:const|let|var)\\s*[{[][^=;]*\\b${n}\\b[^=;]*[}\\]]\\s*(?::[^=;]*)?=`),
    new RegExp(`[(,]\\s*(?:readonly\\s+|public\\s+|private\\s+|protected\\s+)?${n}\\s*\\??\\s*:`),
    new RegExp(`\\(\\s*\\{[^}]*\\b${n}\\b[^}]*\\}\\s*:`),
    new RegExp(`\\bimport\\b[^;'"]*\\b${n}\\b[^;'"]*\\bfrom\\b`),
  ].some((pattern) => pattern.test(code))
}

/** Uses of the forbidden globals, as `name (line n)`. Property names, keys and local bindings are not uses. */
function forbiddenGlobalUses(src: string): string[] {
  const code = stripSource(src, true)
  const lineOf = (index: number) => code.slice(0, index).split('\n').length
  const uses: string[] = []
  for (const name of FORBIDDEN_GLOBALS) {
    for (const m of code.matchAll(new RegExp(`globalThis\\s*\\??\\.\\s*(${name})\\b`, 'g'))) {
      uses.push(`globalThis.${name} (line ${lineOf(m.index)})`)
    }
    if (bindsLocally(code, name)) continue
    for (const m of code.matchAll(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g'))) {
      const before = code.slice(0, m.index).trimEnd()
      const after = code.slice(m.index + name.length).trimStart()
      if (before.endsWith('.')) continue // someone's property: doc.location, x?.window
      if (/^\??:(?!:)/.test(after) && !before.endsWith('?')) continue // a key or a declared member
      uses.push(`${name} (line ${lineOf(m.index)})`)
    }
  }
  return uses
}

/** Resolves a specifier to an absolute path when it names a file of this repository (relative or alias). */
function resolveLocal(file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier)
  // WXT's aliases: @ and ~ are extension/, @@ and ~~ the repository root.
  const alias = /^(@@|~~|@|~)(\/|$)/.exec(specifier)
  if (!alias) return null
  const base = alias[1]!.length === 2 ? root : extensionDir
  return path.resolve(base, specifier.slice(alias[0].length))
}

const isInside = (dir: string, target: string) => target === dir || target.startsWith(dir + path.sep)

/** The boundary violations of one `shared/` file's source. */
function sharedViolations(file: string, src: string): string[] {
  const problems: string[] = []
  for (const specifier of importSpecifiers(src)) {
    if ([...FORBIDDEN_PACKAGES, ...FORBIDDEN_PACKAGES_EXTRA].some((pattern) => pattern.test(specifier))) {
      problems.push(`imports '${specifier}'`)
      continue
    }
    const target = resolveLocal(file, specifier)
    if (target && !isInside(sharedDir, target)) problems.push(`imports '${specifier}' from outside shared/`)
  }
  for (const use of forbiddenGlobalUses(src)) problems.push(`uses the global ${use}`)
  return problems
}

/** Imports from `file` (in one app) that reach into `otherDir` (the other app). */
function crossAppImports(file: string, src: string, otherDir: string): string[] {
  return importSpecifiers(src).filter((specifier) => {
    const target = resolveLocal(file, specifier)
    return target !== null && isInside(otherDir, target)
  })
}

const rel = (file: string) => path.relative(root, file)

describe('architecture boundaries', () => {
  const sharedFiles = sourceFiles(sharedDir, ['.ts', '.tsx', '.mts'])

  it('finds the shared/ sources to scan', () => {
    expect(sharedFiles.length).toBeGreaterThan(0)
  })

  it('shared/ imports no host, app or Node module and touches no browser global', () => {
    const problems = sharedFiles.flatMap((file) =>
      sharedViolations(file, readFileSync(file, 'utf8')).map((problem) => `${rel(file)}: ${problem}`),
    )
    expect(problems).toEqual([])
  })

  it('pwa/ and extension/ never import each other', () => {
    const exts = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.vue']
    const problems = [
      ...sourceFiles(pwaDir, exts).flatMap((file) =>
        crossAppImports(file, readFileSync(file, 'utf8'), extensionDir).map((s) => `${rel(file)}: '${s}'`),
      ),
      ...sourceFiles(extensionDir, exts).flatMap((file) =>
        crossAppImports(file, readFileSync(file, 'utf8'), pwaDir).map((s) => `${rel(file)}: '${s}'`),
      ),
    ]
    expect(problems).toEqual([])
  })

  it('shared/ has no import cycles (dpdm)', async () => {
    const tree = await parseDependencyTree('shared/**/*.{ts,tsx,mts}', { cwd: root, context: root })
    expect(Object.keys(tree).length).toBeGreaterThanOrEqual(sharedFiles.length)
    expect(parseCircular(tree).map((cycle) => cycle.join(' -> '))).toEqual([])
  })
})

describe('the boundary scanner itself', () => {
  const file = path.join(sharedDir, 'area', 'synthetic.ts')

  it('flags a Vue import, an app import and browser globals', () => {
    const src = [
      "import { ref } from 'vue'",
      "import type { Store } from '../../pwa/stores/contacts'",
      "export { browser } from '#imports'",
      "const fs = await import('node:fs')",
      'export const a = window.foo',
      'export function b() { return indexedDB.open("x") }',
      'export const c = `${document.title}`',
      'export const d = globalThis.localStorage',
    ].join('\n')
    const problems = sharedViolations(file, src)
    expect(problems).toEqual(
      expect.arrayContaining([
        "imports 'vue'",
        "imports '../../pwa/stores/contacts' from outside shared/",
        "imports '#imports'",
        "imports 'node:fs'",
        'uses the global window (line 5)',
        'uses the global indexedDB (line 6)',
        'uses the global document (line 7)',
        'uses the global globalThis.localStorage (line 8)',
      ]),
    )
  })

  it('accepts DOM types, comments, strings, properties and injected bindings', () => {
    const src = [
      "import { parse } from '../capture/parse'",
      "import * as Y from 'yjs'",
      '// window.foo in a comment; import { ref } from "vue"',
      "const note = 'window.foo and document.title in a string'",
      'export interface Host { indexedDB: IDBFactory; location?: string }',
      'export function title(doc: Document): string { return doc.location?.href ?? doc.title }',
      'export function open({ indexedDB, IDBKeyRange }: Host & { IDBKeyRange: unknown }) {',
      '  return [indexedDB.open("x"), IDBKeyRange, note, parse, Y]',
      '}',
      'const re = /window\\.foo/',
      'export const place = { window: re }',
    ].join('\n')
    expect(sharedViolations(file, src)).toEqual([])
  })

  it('dpdm reports a cycle when there is one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rapport-cycle-'))
    try {
      await writeFile(path.join(dir, 'a.ts'), "import { b } from './b'\nexport const a = () => b\n")
      await writeFile(path.join(dir, 'b.ts'), "import { a } from './a'\nexport const b = () => a\n")
      const tree = await parseDependencyTree('*.ts', { cwd: dir, context: dir })
      expect(parseCircular(tree)).toHaveLength(1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
