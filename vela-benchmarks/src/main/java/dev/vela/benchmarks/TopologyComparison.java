package dev.vela.benchmarks;

/**
 * One line of {@link TopologyBench}'s report: a Vela benchmark method beside the method it is
 * measured against.
 *
 * @param operation what both do, as the report's first column says it
 * @param vela the Vela benchmark method
 * @param peer the peer's benchmark method (Hazelcast, Lettuce, or another Vela method)
 */
record TopologyComparison(String operation, String vela, String peer) {}
