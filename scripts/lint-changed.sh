#!/bin/sh
# Checks the format of what this branch changed since it left main, and lints its TypeScript (and .mjs): what `check:fast` runs on every
# landing, kept to the changed files because the type-checked rules cost a TypeScript program.
# The whole tree when there is no main; CI (`npm run lint`) lints the whole tree. A warning in a
# changed file stops the landing too: warnings left to pile up are read by nobody.
set -eu
base=$(git merge-base HEAD main 2>/dev/null || true)
if [ -z "$base" ]; then exec eslint .; fi
changed=$(git diff --name-only --diff-filter=ACMR "$base" --)
# The format check of what changed (prettier skips what .prettierignore names): CI checks the
# whole tree, and one unformatted landing fails every CI run after it.
# shellcheck disable=SC2086 # one path per word: the repository's paths have no spaces
if [ -n "$changed" ]; then prettier --check --ignore-unknown --log-level warn $changed; fi
files=$(echo "$changed" | grep -E '^(src|test|bench|scripts)/.*\.(tsx?|mjs)$' || true)
if [ -z "$files" ]; then echo "lint: no TypeScript or .mjs changed since main"; exit 0; fi
# shellcheck disable=SC2086 # one path per word: the repository's paths have no spaces
exec eslint --max-warnings 0 $files
