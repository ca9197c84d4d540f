// Child process for the reliability tests: runs one `triangulate` invocation through the real
// CLI entry (`main()`, real stdio) and, when RELIABILITY_USAGE names a file, writes the
// process's peak memory and CPU time there on exit, so the parent can report them.
import { writeFileSync } from 'node:fs'
import { main } from '../../../src/cli/main.js'

const usageFile = process.env.RELIABILITY_USAGE
process.on('exit', () => {
  if (usageFile === undefined) return
  const usage = process.resourceUsage()
  writeFileSync(
    usageFile,
    JSON.stringify({
      maxRssMb: usage.maxRSS / 1024,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    }),
  )
})
process.exitCode = await main(process.argv.slice(2))
