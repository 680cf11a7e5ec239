/**
 * A throwaway PostgreSQL + PostGIS cluster for differential tests and the bench: initdb in a temp
 * dir, a unix socket only, psql over child_process (no npm driver needed for COPY and queries).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A running cluster: run SQL, then stop it. */
export interface PgCluster {
  /** runs SQL (stdin), returns stdout as unaligned rows separated by '|' */
  sql(text: string): string;
  stop(): void;
}

/**
 * True when initdb, pg_ctl, psql and the postgis extension files are all present; otherwise
 * prints a loud message so a skipped differential test is never silent.
 */
export function postgisAvailable(): boolean {
  const need = ['initdb', 'pg_ctl', 'psql', 'postgres'].map((b) => join(BIN, b));
  const share = spawnSync(join(BIN, 'pg_config'), ['--sharedir'], { encoding: 'utf8' }).stdout?.trim();
  const ok = need.every(existsSync) && !!share && existsSync(join(share, 'extension', 'postgis.control'));
  if (!ok) {
    const line = '!'.repeat(78);
    console.warn(`${line}\n!! PostGIS NOT FOUND in ${BIN}: the differential tests against PostGIS are SKIPPED.\n` +
      `!! Install postgresql-15 and postgresql-15-postgis-3 (CI does) to run them.\n${line}`);
  }
  return ok;
}

/**
 * initdb refuses to run as root (as in a CI container): then the server runs as the `postgres`
 * user (Debian's package creates it), in a temp dir handed over to that user.
 */
function serverCommand(dir: string): (bin: string, args: string[]) => [string, string[]] {
  if (process.getuid?.() !== 0) return (bin, args) => [join(BIN, bin), args];
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  chmodSync(dir, 0o755);
  return (bin, args) => ['/usr/sbin/runuser', ['-u', 'postgres', '--', join(BIN, bin), ...args]];
}

/**
 * Starts a fresh cluster with the postgis extension created.
 *
 * @example
 * const pg = startCluster(); pg.sql('select postgis_version()'); pg.stop();
 */
export function startCluster(): PgCluster {
  const dir = mkdtempSync(join(tmpdir(), 'kk-pg-'));
  const data = join(dir, 'data');
  const server = serverCommand(dir);
  execFileSync(...server('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-locale', '-E', 'UTF8']), { stdio: 'pipe' });
  execFileSync(...server('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-k ${dir} -c listen_addresses='' -F -c shared_buffers=256MB -c work_mem=64MB`, 'start']), { stdio: 'pipe' });
  const sql = (text: string): string => {
    const r = spawnSync(join(BIN, 'psql'), ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-f', '-'], {
      input: text, encoding: 'utf8', maxBuffer: 1 << 30,
    });
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
    return r.stdout;
  };
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    spawnSync(...server('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'pipe' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    sql('create extension postgis;');
  } catch (e) {
    stop();
    throw e;
  }
  return { sql, stop };
}
