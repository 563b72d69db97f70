package dev.vela.core;

import java.time.InstantSource;

/** What a cache takes at run time besides its configuration: the clock and, later, registries and the cluster. */
record RuntimeSettings(InstantSource clock) {}
