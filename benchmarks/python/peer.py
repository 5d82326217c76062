#!/usr/bin/python3
"""Python peer baseline for MenuDsl's benchmarks (issue 12), written the way an economist would.

1. numpy: the api.md default model's optimal contract (model.md §3, Example A) on a 1000 x 1000 (w, s) grid, all eight
   Contract fields, vectorised, single thread, best of N.
2. SciPy: the same contract for a custom production function v = x^.3 y^.2 (1+z)^.1 solved numerically per contract:
   minimize for the first best, brentq for the reserve value, quad for the rent.

Usage: /usr/bin/python3 benchmarks/python/peer.py [--out peer.json] [--repeat 7]
Prints a short summary and writes the timings and the SciPy contracts as JSON for the C# side to compare.
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")        # single thread, whatever BLAS is installed
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def ensure_numpy_scipy():
    try:
        import numpy, scipy  # noqa: F401
    except ImportError:
        print("peer.py: numpy/scipy missing; installing Debian's python3-numpy python3-scipy with apt-get", file=sys.stderr)
        cmd = ["apt-get", "install", "-y", "python3-numpy", "python3-scipy"]
        if subprocess.run(cmd).returncode != 0:
            subprocess.run(["apt-get", "update"], check=True)
            subprocess.run(cmd, check=True)


ensure_numpy_scipy()
import numpy as np                                    # noqa: E402
from scipy import optimize, integrate, stats          # noqa: E402

# The api.md default model.
ALPHA, BETA, GAMMA, B = 0.3, 0.2, 0.1, 1.0
CX, CY, CZ = 1.0, 2.0, 5.0
DELTA = 1 - ALPHA - BETA                              # = 1/2
A0 = (ALPHA / CX) ** ALPHA * (BETA / CY) ** BETA
K = (A0 * B ** GAMMA) ** (1 / DELTA)                  # q = K s phi  when nobody fine-tunes (theta <= 1 < theta-hat)
N = 1000
W_GRID = (np.arange(N) + 0.5) / N                     # same grid as GridBenchmarks
S_GRID = 0.2 + 0.8 * (np.arange(N) + 0.5) / N


def menu(w, s):
    """All eight Contract fields for w ~ U[0,1] (phi = 2w - 1), closed form of model.md section 3."""
    W, S = w[:, None], s[None, :]
    phi = np.maximum(2 * W - 1, 0.0)                  # excluded types (phi <= 0) get nothing
    q = K * S * phi
    x = ALPHA * phi * q / (CX * S)                    # per task
    y = BETA * phi * q / (CY * S)
    z = np.zeros_like(q)                              # nobody fine-tunes in this model
    d = np.maximum(W - 0.5, 0.0)
    rent = K * S * d * d                              # integral of q(k, s) dk from 1/2 to w
    transfer = W * q - rent
    cost = 0.5 * phi * q                              # C(q, s) = kappa s (q / (s A0))^(1/kappa) = phi q / 2
    return q, x, y, z, transfer, cost, rent, transfer - cost


def best_of(f, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - t)
    return best, result


# --- SciPy, custom production function -----------------------------------------------------------------------------
def v(x, y, z):
    return x ** 0.3 * y ** 0.2 * (1 + z) ** 0.1


VALUES = stats.uniform(0.0, 1.0)                      # w ~ U[0, 1]


def virtual_value(w):
    return w - VALUES.sf(w) / VALUES.pdf(w)


def first_best(value, s):
    """Per task: max value v(x,y,z) - c_x x - c_y y - c_z z / s (z is shared by the s tasks); x, y in logs."""
    def negative_surplus(u):
        x, y, z = np.exp(u[0]), np.exp(u[1]), u[2]
        vv = v(x, y, z)
        f = -(value * vv - CX * x - CY * y - CZ * z / s)
        grad = -np.array([value * 0.3 * vv - CX * x, value * 0.2 * vv - CY * y, value * 0.1 * vv / (1 + z) - CZ / s])
        return f, grad
    start = np.array([np.log(0.1 * value ** 2 + 1e-12), np.log(0.03 * value ** 2 + 1e-12), 0.0])
    res = optimize.minimize(negative_surplus, start, jac=True, method="L-BFGS-B",
                            bounds=[(None, None), (None, None), (0.0, None)],
                            options={"ftol": 0.0, "gtol": 1e-14, "maxiter": 1000})
    x, y, z = np.exp(res.x[0]), np.exp(res.x[1]), res.x[2]
    return x, y, z


def quality(k, s):
    phi = virtual_value(k)
    if phi <= 0:
        return 0.0
    x, y, z = first_best(phi, s)
    return s * v(x, y, z)


RESERVE = optimize.brentq(virtual_value, 1e-9, 1.0, xtol=1e-15)   # lowest type served, phi(w) = 0


def contract(w, s):
    """Quality, Input, Output, FineTuning, Transfer, Cost, BuyerUtility, Profit (the C# Contract's order)."""
    phi = virtual_value(w)
    if phi <= 0:
        return [0.0] * 8
    x, y, z = first_best(phi, s)
    q = s * v(x, y, z)
    rent, _ = integrate.quad(quality, RESERVE, w, args=(s,), epsabs=0.0, epsrel=1e-10, limit=200)
    transfer = w * q - rent
    cost = s * CX * x + s * CY * y + CZ * z
    return [q, x, y, z, transfer, cost, rent, transfer - cost]


POINTS = [(0.8, 0.6), (0.6, 1.0), (0.75, 0.5), (0.9, 0.3), (1.0, 1.0)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="peer.json")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    grid_s, fields = best_of(lambda: menu(W_GRID, S_GRID), args.repeat)
    sums = [float(f.sum()) for f in fields]
    # the whole pipeline an economist would time: build the menu and consume it (sum every field)
    total_s, _ = best_of(lambda: sum(float(f.sum()) for f in menu(W_GRID, S_GRID)), args.repeat)

    per_contract_s, _ = best_of(lambda: contract(0.8, 0.6), max(3, args.repeat // 2))
    contracts = [{"w": w, "s": s, "contract": contract(w, s)} for w, s in POINTS]

    result = {
        "python": platform.python_version(), "numpy": np.__version__,
        "scipy": __import__("scipy").__version__,
        "grid": {"n": N, "best_ms": 1e3 * grid_s, "best_ms_with_sum": 1e3 * total_s, "field_sums": sums, "sum": sum(sums)},
        "scipy_custom": {"reserve": RESERVE, "per_contract_ms": 1e3 * per_contract_s, "at": [0.8, 0.6], "contracts": contracts},
    }
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"numpy {np.__version__}: 1000x1000 menu {1e3 * grid_s:.1f} ms ({1e3 * total_s:.1f} ms with the sums), sum {sum(sums):.15g}")
    print(f"scipy {result['scipy']}: custom contract at (0.8, 0.6) {1e3 * per_contract_s:.1f} ms; Transfer {contracts[0]['contract'][4]:.15g}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
