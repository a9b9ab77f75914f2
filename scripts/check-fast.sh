#!/bin/sh
# check:fast — the layer rules over the whole tree, then lint of the TypeScript this branch changed
# since main. Runs before every landing: a worktree whose node_modules predates the linters (the
# branch was rebased past the commit that added them) installs them first.
set -eu
if [ ! -x node_modules/.bin/depcruise ] || [ ! -x node_modules/.bin/eslint ] || [ ! -d node_modules/@typescript/native ]; then
  echo "check:fast: installing the linters (package.json changed since node_modules was installed)"
  npm install --no-audit --no-fund >/dev/null
fi
npm run -s check:layers
sh scripts/lint-changed.sh
