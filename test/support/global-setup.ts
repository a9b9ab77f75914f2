import { execa } from 'execa';

/** The CLI tests run the real built binary, so the build must match the sources under test. */
export default async function setup(): Promise<void> {
  await execa('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
