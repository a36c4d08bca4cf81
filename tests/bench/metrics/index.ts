import type { Metric } from '../types'
import { docLayoutMetrics } from './doc-layout'
import { docLoadMetrics } from './doc-load'
import { docSizeMetrics } from './doc-size'
import { extensionMetrics } from './extension'
import { heapMetrics } from './heap'
import { importCsvMetrics } from './import-csv'
import { kpiNetworkMetrics } from './kpi-network'
import { pwaMetrics } from './pwa'
import { readModelSearchMetrics } from './readmodel-search'
import { todayBuildMetrics } from './today-build'
import { syncMetrics } from './sync'

/**
 * Every metric the harness runs, in this order. To add one, drop a module exporting a
 * `Metric[]` beside this file and list it here.
 */
export const METRICS: readonly Metric[] = [
  ...docSizeMetrics,
  ...docLoadMetrics,
  ...heapMetrics,
  ...docLayoutMetrics,
  ...importCsvMetrics,
  ...readModelSearchMetrics,
  ...todayBuildMetrics,
  ...kpiNetworkMetrics,
  ...pwaMetrics,
  ...syncMetrics,
  ...extensionMetrics,
]
