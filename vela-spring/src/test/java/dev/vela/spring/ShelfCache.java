package dev.vela.spring;

import dev.vela.Cache;
import dev.vela.annotation.VelaCache;

/** Book counts by shelf number: a second declared cache, with other key and value types. */
@VelaCache(name = "shelves")
public interface ShelfCache extends Cache<Integer, Long> {}
