/**
 * Running the notebooks for real: headless execution through Jupyter's nbconvert with the tslab
 * kernel, and a Jupyter Notebook server for the browser test. Jupyter is Debian's, under
 * /usr/bin/python3 (environment/setup.sh installs it and registers the kernel).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

export const PYTHON = '/usr/bin/python3';

/** Why notebooks cannot run here, or null when Jupyter and the tslab kernel are ready. */
export function jupyterMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import nbconvert, nbclient, notebook, jupyter_client.kernelspec as k; k.KernelSpecManager().get_kernel_spec("tslab")'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} not found`;
  if (probe.status !== 0) return `Jupyter or the tslab kernel is missing (run bash environment/setup.sh): ${probe.stderr.trim().split('\n').pop()}`;
  return null;
}

export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: NotebookOutput[];
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: { prodigy?: { charts?: string[] } } & Record<string, unknown>;
}

export const text = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join('') : value ?? '');

/** Executes a notebook with nbconvert into `outPath`; resolves with stderr on success. */
export function executeNotebook(path: string, outPath: string, env: Record<string, string>, timeoutSeconds = 900): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-m', 'nbconvert', '--to', 'notebook', '--execute', `--ExecutePreprocessor.timeout=${timeoutSeconds}`, '--ExecutePreprocessor.kernel_name=tslab', '--output', outPath, path], {
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stderr) : reject(new Error(`nbconvert failed on ${path} (exit ${code}):\n${stderr.slice(-4000)}`))));
  });
}

export async function readNotebook(path: string): Promise<Notebook> {
  return JSON.parse(await readFile(path, 'utf8')) as Notebook;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a Jupyter Notebook server on 127.0.0.1 serving `dir`; resolves once it answers. */
export async function startNotebookServer(dir: string, token: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(PYTHON, ['-m', 'notebook', '--no-browser', '--allow-root', `--port=${port}`, '--ip=127.0.0.1', `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`, '--NotebookApp.open_browser=False'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (c) => (log += c));
  child.stderr!.on('data', (c) => (log += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the notebook server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/status?token=${token}`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) throw new Error(`the notebook server did not start:\n${log}`);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
