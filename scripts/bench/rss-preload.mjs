// Preloaded into a benched child process: writes its peak RSS (bytes) and CPU time (ms) to $IC_BENCH_RSS_FILE
// when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.IC_BENCH_RSS_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(
    file,
    JSON.stringify({ rss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }),
  );
});
