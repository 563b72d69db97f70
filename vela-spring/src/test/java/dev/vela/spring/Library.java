package dev.vela.spring;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;

/** A bean whose methods Spring caches in Vela caches; it counts how often each method body runs. */
public class Library {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private volatile CountDownLatch release = new CountDownLatch(0);

  /** How often the body of {@code method} ran. */
  public int calls(String method) {
    return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
  }

  /** Makes {@link #slowTitle} wait until {@code release} opens. */
  public void holdSlowTitlesUntil(CountDownLatch release) {
    this.release = release;
  }

  @Cacheable("books")
  public String title(String isbn) {
    count("title");
    return "Title of " + isbn;
  }

  @Cacheable(cacheNames = "books", sync = true)
  public String slowTitle(String isbn) throws InterruptedException {
    count("slowTitle");
    if (!release.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("slowTitle was not released within 10 s");
    }
    return "Slow title of " + isbn;
  }

  @Cacheable(cacheNames = "books", sync = true)
  public String failingTitle(String isbn) throws java.io.IOException {
    count("failingTitle");
    throw new java.io.IOException("catalogue down for " + isbn);
  }

  @CachePut(cacheNames = "books", key = "#isbn")
  public String retitle(String isbn, String title) {
    count("retitle");
    return title;
  }

  @CacheEvict(cacheNames = "books", key = "#isbn")
  public void forget(String isbn) {
    count("forget");
  }

  @CacheEvict(cacheNames = {"books", "shelves"}, allEntries = true)
  public void clearAll() {
    count("clearAll");
  }

  /** Cached only for ISBN-13s of books. */
  @Cacheable(cacheNames = "books", condition = "#isbn.startsWith('978')")
  public String bookOnly(String isbn) {
    count("bookOnly");
    return "Book " + isbn;
  }

  /** Two parameters, one key: the key expression joins them. */
  @Cacheable(cacheNames = "books", key = "#shelf + ':' + #slot")
  public String at(int shelf, int slot) {
    count("at");
    return "Book at " + shelf + "/" + slot;
  }

  /** Two parameters and no key expression: Spring's key is a SimpleKey, which the cache refuses. */
  @Cacheable("books")
  public String unkeyed(String a, String b) {
    count("unkeyed");
    return a + b;
  }

  /** Asynchronous: Spring reads and fills the cache through {@code retrieve}. */
  @Cacheable("books")
  public CompletableFuture<String> asyncTitle(String isbn) {
    count("asyncTitle");
    return CompletableFuture.supplyAsync(() -> "Async title of " + isbn);
  }

  @Cacheable("shelves")
  public Long count(Integer shelf) {
    count("count");
    return shelf * 10L;
  }

  /** Returns null for ISBNs starting with "none"; nulls are left out of the cache. */
  @Cacheable(cacheNames = "books", unless = "#result == null")
  public String maybeTitle(String isbn) {
    count("maybeTitle");
    return isbn.startsWith("none") ? null : "Maybe " + isbn;
  }

  /** Returns null, with nothing to keep it out of the cache. */
  @Cacheable("books")
  public String missingTitle(String isbn) {
    count("missingTitle");
    return null;
  }

  private void count(String method) {
    calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
  }
}
