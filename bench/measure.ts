// Measuring helpers: autocannon for HTTP endpoints, and the same statistics for raw SDK calls as the baseline.
import autocannon from 'autocannon';

export interface Figures {
  /** Median and 99th percentile latency in milliseconds. */
  median: number;
  p99: number;
  /** Requests (or operations) per second. */
  throughput: number;
  samples: number;
  errors: number;
}

export async function measureEndpoint(options: {
  url: string;
  connections: number;
  /** Either a duration or a fixed number of requests. */
  durationSeconds?: number;
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}): Promise<Figures> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.durationSeconds } : { amount: options.amount }),
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
  });
  return {
    median: result.latency.p50,
    p99: result.latency.p99,
    throughput: result.requests.average,
    samples: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

/** Runs `operation` with `concurrency` in flight for `durationSeconds`, recording each latency. */
export async function measureOperation(
  operation: () => Promise<unknown>,
  concurrency: number,
  durationSeconds: number,
): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        await operation();
      } catch {
        errors++;
      }
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { ...percentiles(latencies), throughput: latencies.length / elapsed, samples: latencies.length, errors };
}

/** Times `runs` sequential runs of `operation` (for calls too heavy to drive at a fixed duration). */
export async function timeRuns(operation: () => Promise<unknown>, runs: number): Promise<Figures> {
  const latencies: number[] = [];
  for (let run = 0; run < runs; run++) {
    const begin = performance.now();
    await operation();
    latencies.push(performance.now() - begin);
  }
  const total = latencies.reduce((sum, value) => sum + value, 0) / 1000;
  return { ...percentiles(latencies), throughput: runs / total, samples: runs, errors: 0 };
}

export function percentiles(values: number[]): { median: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: round(at(0.5)), p99: round(at(0.99)) };
}

export function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
