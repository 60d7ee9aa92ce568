#!/bin/sh
# Builds kg and runs the whole test suite (GoogleTest through ctest).
set -eu
cd "$(dirname "$0")/.."
tools/build.sh
ctest --test-dir build --output-on-failure -j2
