/** Builds bin/nemawashi.mjs from the sources before the unit tests (the CLI tests run it). */
// @ts-expect-error: a plain ES module script without types
import { buildCli } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
