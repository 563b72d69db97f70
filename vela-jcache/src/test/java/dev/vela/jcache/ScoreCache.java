package dev.vela.jcache;

import dev.vela.Cache;
import dev.vela.annotation.VelaCache;

/** A cache declared with {@code @VelaCache}, for the tests that reach it through JCache. */
@VelaCache(name = "jcacheDeclaredScores")
public interface ScoreCache extends Cache<String, Integer> {}
