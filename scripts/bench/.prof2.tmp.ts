import { openDatabase } from '../../electron/db/connection'
import { createServiceContext } from '../../electron/services/context'
import { tripIndex, creditedRanges, searchTexts } from '../../electron/services/trips/trip-index'
import { filterTrips } from '../../electron/services/trips/search'
async function main() {
  const handle = openDatabase('/tmp/trips-bench/b.sqlite')
  const ctx = createServiceContext(handle, { today: () => '2025-10-15', now: () => '' })
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
  let c = cpu(), t = performance.now()
  const lap = (l: string) => { const c2 = cpu(), t2 = performance.now(); console.log(l.padEnd(20), (t2 - t).toFixed(0), 'wall', (c2 - c).toFixed(0), 'cpu'); c = c2; t = t2 }
  const s = tripIndex(ctx); lap('index')
  creditedRanges(s); lap('credited')
  filterTrips(ctx, {}); lap('default filter')
  filterTrips(ctx, {year: 2025}); lap('year filter')
  searchTexts(ctx, s); lap('fold')
}
main()
