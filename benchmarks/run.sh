#!/usr/bin/env bash
# One command for issue 12's numbers: C# (BenchmarkDotNet, ShortRun, in process) and the Python peer (numpy, SciPy)
# in one run, then one table of ratios. Takes about 10 minutes on a 2-core machine.
#   bash benchmarks/run.sh            everything
#   bash benchmarks/run.sh --quick    members and grid only (plus Python and first calls)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import numpy, scipy' 2>/dev/null; then
  echo "run.sh: installing Debian's python3-numpy and python3-scipy with apt-get (needed by benchmarks/python/peer.py)"
  apt-get install -y python3-numpy python3-scipy || { apt-get update && apt-get install -y python3-numpy python3-scipy; }
fi
dotnet build tests/MenuDsl.Benchmarks -c Release --nologo -v q
dotnet run -c Release --no-build --project tests/MenuDsl.Benchmarks -- --peer "$@"
