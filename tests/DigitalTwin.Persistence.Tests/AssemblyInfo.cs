// The tests start real silos and a real PostgreSQL on a small machine: one at a time keeps ports and timings sane.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
