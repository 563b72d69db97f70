package dev.vela.samples;

import dev.vela.CacheEntry;
import dev.vela.PutOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runnable tour of Vela. First the embedded default, the memory backend: settings from the
 * annotation, TTL, tags, a shared fetch under a stampede, stats, and a dump restored into a new
 * cache. Then a partitioned cache on two nodes over loopback.
 */
public final class Tour {
  private Tour() {}

  /** Runs the tour and prints what happens. */
  public static void main(String[] args) throws Exception {
    MovableClock clock = new MovableClock();
    try (ProductCache products = VelaProductCache.builder().clock(clock).create();
        SessionCache sessions = SessionCache.create()) {
      basics(products);
      expiry(products, clock);
      tags(products);
      stampede(products);
      sessions(sessions);
      dumpAndLoad(products);
      System.out.println();
      System.out.println("stats   " + products.stats());
      System.out.println("inspect " + products.inspect());
    }
    section("a partitioned cache on two nodes");
    ClusterTour.run();
  }

  private static void basics(ProductCache products) {
    section("put and get");
    products.put("B-1", product("B-1", "The Pragmatic Programmer", "39.90", Category.BOOKS));
    System.out.println("get B-1      -> " + products.get("B-1").map(Product::name).orElse("(none)"));
    System.out.println("get B-404    -> " + products.get("B-404").map(Product::name).orElse("(none)"));
    System.out.println("exists B-1   -> " + products.exists("B-1"));
    System.out.println("ttl B-1      -> " + products.ttl("B-1").map(Duration::toString).orElse("never expires"));
  }

  private static void expiry(ProductCache products, MovableClock clock) {
    section("time to live");
    products.put("G-1", product("G-1", "Chess set", "25.00", Category.GAMES), PutOptions.ttl(Duration.ofSeconds(30)));
    products.put("T-1", product("T-1", "Hammer", "12.50", Category.TOOLS), PutOptions.noExpiry());
    System.out.println("G-1 lives 30s, T-1 never expires; the clock moves 31 seconds");
    clock.advance(Duration.ofSeconds(31));
    System.out.println("get G-1      -> " + products.get("G-1").map(Product::name).orElse("(expired)"));
    System.out.println("get T-1      -> " + products.get("T-1").map(Product::name).orElse("(expired)"));
  }

  private static void tags(ProductCache products) {
    section("tags");
    PutOptions summerSale = PutOptions.tags("sale:summer");
    products.put("B-2", product("B-2", "Refactoring", "44.00", Category.BOOKS), summerSale);
    products.put("G-2", product("G-2", "Go board", "60.00", Category.GAMES), summerSale.withTags("featured"));
    System.out.println("two products tagged sale:summer; invalidateTag removes " + products.invalidateTag("sale:summer"));
    System.out.println("get B-2      -> " + products.get("B-2").map(Product::name).orElse("(none)"));
  }

  private static void stampede(ProductCache products) throws Exception {
    section("getOrFetch under a stampede");
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Product>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return products.getOrFetch("T-9", sku -> {
            fetches.incrementAndGet();
            return product(sku, "Spirit level (from the database)", "18.00", Category.TOOLS);
          });
        }));
      }
      start.countDown();
      for (Future<Product> answer : answers) {
        answer.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("20 threads asked for T-9 at once; the fetcher ran " + fetches.get() + " time(s)");
  }

  private static void sessions(SessionCache sessions) {
    section("a second cache, keyed by UUID");
    UUID id = UUID.randomUUID();
    sessions.put(id, new Session("ada", Instant.now()));
    System.out.println(sessions.name() + " holds " + sessions.size() + " session(s); ada's: "
        + sessions.getOrThrow(id).user());
  }

  private static void dumpAndLoad(ProductCache products) throws IOException {
    section("dump and load");
    Path file = Files.createTempFile("vela-products", ".dump");
    try (ProductCache restored = ProductCache.create()) {
      long written = products.dump(file);
      long read = restored.load(file);
      System.out.println("dumped " + written + " entries to a file, loaded " + read + " into a new cache:");
      for (CacheEntry<String, Product> entry : restored.export()) {
        System.out.println("  " + entry.key() + " " + entry.value().name() + " tags=" + entry.tags());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Product product(String sku, String name, String price, Category category) {
    return new Product(sku, name, new BigDecimal(price), category, List.of());
  }

  private static void section(String title) {
    System.out.println();
    System.out.println("== " + title);
  }
}
