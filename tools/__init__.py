"""Developer tools that are not shipped in the package: benchmarks and data builders.

They run from a clone (`smallsteps bench ...`, `python -m tools.bench ...`,
`python -m tools.build_cities`).
"""
