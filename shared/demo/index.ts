/**
 * Generated teams: the seeded, realistic teams behind the benchmarks and the tests, the
 * small demo team a first run can show, and a Google Contacts CSV for import benchmarks.
 */
export {
  generateTeam,
  generateDemoTeam,
  DEMO_TAG,
  DEMO_TEAM_NAME,
  type GenerateTeamOptions,
  type GenerateTeamSummary,
  type DemoTeamOptions,
} from './generate-team'
export { generateContactsCsv, GOOGLE_CSV_COLUMNS } from './contacts-csv'
export {
  createRandom,
  createSeededIds,
  createWeightedPool,
  hashString,
  type Random,
  type WeightedPool,
} from './random'
export { phoneForSlot } from './people'
