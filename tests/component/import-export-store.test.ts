// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { useImportExportStore } from '../../pwa/stores/import-export'
import { useTeamStore } from '../../pwa/stores/team'
import { eventually, startApp } from './helpers/app'

const fixture = (name: string) =>
  new File([readFileSync(`tests/fixtures/io/${name}`)], name, { type: 'text/csv' })

async function newTeam() {
  const app = await startApp()
  await useTeamStore(app.pinia).startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor' })
  return { ...app, io: useImportExportStore(app.pinia), team: useTeamStore(app.pinia) }
}

describe('useImportExportStore', () => {
  afterEach(() => {
    useImportExportStore().$reset()
    useTeamStore().$reset()
  })

  it('previews a Google CSV with its format and line-numbered problems', async () => {
    const { io } = await newTeam()
    await io.readFile(fixture('google-contacts.csv'))
    expect(io.phase).toBe('preview')
    expect(io.preview?.format).toBe('google-csv')
    expect(io.preview?.contacts.length).toBe(5)
    expect(io.preview?.errors).toEqual([{ line: 8, message: expect.stringContaining('no name') }])
  })

  it('applies the import with progress, counts what it did, and undoes it', async () => {
    const { io, team } = await newTeam()
    await io.readFile(fixture('google-contacts.csv'))
    await io.apply()
    expect(io.phase).toBe('done')
    expect(io.progress).toEqual({ done: 5, total: 5 })
    expect(io.counts).toEqual({ created: 5, merged: 0, skipped: 0, invalid: 0 })
    const s = team.session!
    expect(s.repo.list('contacts')).toHaveLength(5)
    await eventually(() => expect(io.lastImport?.fileName).toBe('google-contacts.csv'))

    await io.undoLast()
    expect(io.undone).toEqual({ reverted: 5, keptEdits: 0 })
    expect(s.repo.list('contacts')).toHaveLength(0)
    await eventually(() => expect(io.lastImport).toBeUndefined())
  })

  it('merges a second import of the same file instead of duplicating', async () => {
    const { io, team } = await newTeam()
    await io.readFile(fixture('google-contacts.csv'))
    await io.apply()
    await io.readFile(fixture('google-contacts.csv'))
    await io.apply()
    expect(io.counts).toEqual({ created: 0, merged: 0, skipped: 5, invalid: 0 })
    expect(team.session!.repo.list('contacts')).toHaveLength(5)
  })

  it('says what a file that holds no contacts is', async () => {
    const { io } = await newTeam()
    await io.readFile(fixture('not-contacts.csv'))
    expect(io.preview?.contacts).toEqual([])
    expect(io.preview?.errors[0]?.message).toMatch(/not a contacts file/)
  })

  it('exports Google CSV, vCard and a JSON backup of the team', async () => {
    const { io, team } = await newTeam()
    await team.write((repo) => repo.create('contacts', { name: { display: 'Omar Haddad' } }))
    const csv = await io.exportFile('google-csv')
    expect(csv?.name).toMatch(/^rapport-contacts-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csv?.text).toContain('Omar')
    expect((await io.exportFile('vcard'))?.text).toContain('BEGIN:VCARD')
    expect(JSON.parse((await io.exportFile('backup'))!.text).format).toBe('rapport-backup')
  })
})
