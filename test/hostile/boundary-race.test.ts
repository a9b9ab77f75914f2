import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInside, readInside, resolveInside } from '../../src/sources/boundary.js';
import { tempDir } from '../support/repo.js';

// The repository boundary holds for every component of a path, not only the last (issue 11):
// real directories and symlinks in temp dirs.
const SECRET = 'TOKEN=outside-the-repository';

async function layout() {
  const root = await tempDir('undrift-boundary-');
  const outside = await tempDir('undrift-outside-');
  await mkdir(path.join(root, 'config'));
  await writeFile(path.join(root, 'config', 'app.env'), 'A=1\n');
  await writeFile(path.join(outside, 'app.env'), `${SECRET}\n`);
  return { root, outside };
}

describe('every path component stays inside the repository', () => {
  it('a symlinked directory inside the repository pointing outside is refused, naming the setting', async () => {
    const { root, outside } = await layout();
    await symlink(outside, path.join(root, 'linked'));
    expect(() => readInside(root, 'linked/app.env', 'environments.production.files[0]')).toThrow(
      /^environments\.production\.files\[0\]: "linked\/app\.env" is a symlink to ".*app\.env", outside the repository$/,
    );
  });

  it('a directory swapped for a symlink pointing out between the check and the open: what was opened is refused, never read', async () => {
    const { root, outside } = await layout();
    const checked = resolveInside(root, 'config/app.env', 'environments.production.files[0]');
    expect(checked.exists).toBe(true);
    // The swap an attacker races for: the checked directory becomes a link out of the repository.
    await rename(path.join(root, 'config'), path.join(root, 'config.before'));
    await symlink(outside, path.join(root, 'config'));
    expect(() => openInside(root, checked, 'config/app.env', 'environments.production.files[0]')).toThrow(
      /^environments\.production\.files\[0\]: "config\/app\.env" was swapped for a path to ".*app\.env" while being read: outside the repository$/,
    );
    // Read by name again, the check itself sees the link.
    expect(() => readInside(root, 'config/app.env', 'environments.production.files[0]')).toThrow(/is a symlink to .*, outside the repository$/);
  });

  it('what stays inside is read as before', async () => {
    const { root } = await layout();
    expect(readInside(root, 'config/app.env', 'files[0]')).toBe('A=1\n');
    const checked = resolveInside(root, 'config/app.env', 'files[0]');
    const fd = openInside(root, checked, 'config/app.env', 'files[0]');
    expect(fd).toBeTypeOf('number');
    (await import('node:fs')).closeSync(fd!);
  });
});
