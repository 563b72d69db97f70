package dev.vela.samples.spring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** Looks quotes up in a (pretend) slow market feed; Spring caches the answers in Vela's "quotes" cache. */
@Service
public class QuoteService {
  private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

  /** The quote of {@code symbol}; concurrent callers of one symbol share one lookup ({@code sync}). */
  @Cacheable(cacheNames = "quotes", sync = true)
  public Quote quote(String symbol) {
    int lookup = lookups.computeIfAbsent(symbol, s -> new AtomicInteger()).incrementAndGet();
    return new Quote(symbol, 100L * symbol.length() + lookup, lookup);
  }

  /** Stores a quote that arrived from elsewhere. */
  @CachePut(cacheNames = "quotes", key = "#result.symbol()")
  public Quote publish(Quote quote) {
    return quote;
  }

  /** Drops the cached quote of {@code symbol}, so the next call looks it up again. */
  @CacheEvict("quotes")
  public void refresh(String symbol) {
    // nothing else to do: the annotation removes the entry
  }

  /** How often the feed was asked for {@code symbol}. */
  public int lookups(String symbol) {
    return lookups.getOrDefault(symbol, new AtomicInteger()).get();
  }
}
