package dev.vela.samples.spring;

import dev.vela.Cache;
import dev.vela.annotation.VelaCache;

/** Quotes by symbol, for thirty seconds: the cache Spring's {@code @Cacheable("quotes")} uses. */
@VelaCache(name = "quotes", defaultTtl = "30s")
public interface QuoteCache extends Cache<String, Quote> {}
