/**
 * `npm run bench -- fanout-replicas`: the event fan-out across replicas on one PostgreSQL (bench/queue-status-replicas.ts),
 * run against a throwaway cluster (scripts/with-postgres.ts) unless DATABASE_URL names one.
 */
import { spawn } from 'node:child_process';

async function fanOutReplicas(): Promise<unknown> {
  const command = process.env.DATABASE_URL
    ? [process.execPath, '--import', 'tsx', 'bench/queue-status-replicas.ts']
    : [process.execPath, '--import', 'tsx', 'scripts/with-postgres.ts', process.execPath, '--import', 'tsx', 'bench/queue-status-replicas.ts'];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (code !== 0 || !line) throw new Error(`fanout-replicas exited with ${code}:\n${out.slice(-2000)}`);
  const result = JSON.parse(line.slice('RESULT '.length)) as { eventsLost: number };
  if (result.eventsLost !== 0) throw new Error(`fanout-replicas lost ${result.eventsLost} events: ${line}`);
  return result;
}

export const suites = [{ name: 'queue-status fanout-replicas (4 replicas × 2,500 clients, PostgreSQL, loopback)', run: fanOutReplicas }];
