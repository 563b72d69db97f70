package dev.vela.spring;

import dev.vela.Cache;
import dev.vela.annotation.VelaCache;

/** Titles by ISBN: the cache the test service's methods use. */
@VelaCache(name = "books")
public interface BookCache extends Cache<String, String> {}
