package dev.vela.samples;

import java.time.Instant;

/** A login session, the value of {@link SessionCache}. */
public record Session(String user, Instant since) {}
