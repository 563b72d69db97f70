package dev.vela.samples.spring;

import dev.vela.spring.VelaCacheManager;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application whose service methods Vela caches. Nothing in it names Vela but the
 * {@code @VelaCache} interface: with {@code vela-spring} on the class path, Boot's auto-configuration
 * makes the {@link VelaCacheManager}. Run it with
 * {@code mvn -q -pl samples -am compile exec:java@spring}.
 */
@SpringBootApplication
@EnableCaching
public class QuoteApplication {

  /** Starts the application, calls the service and prints what the cache did. */
  public static void main(String[] args) throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QuoteApplication.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .run(args)) {
      tour(app, System.out);
    }
  }

  static void tour(ConfigurableApplicationContext app, PrintStream out) throws Exception {
    QuoteService quotes = app.getBean(QuoteService.class);
    out.println("cache manager: " + app.getBean(CacheManager.class).getClass().getSimpleName());

    quotes.quote("VELA");
    quotes.quote("VELA");
    out.println("quote VELA twice -> " + quotes.lookups("VELA") + " lookup(s)");

    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Quote>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(callers.submit(() -> quotes.quote("JAVA")));
      }
      for (Future<Quote> answer : answers) {
        answer.get();
      }
    } finally {
      callers.shutdown();
    }
    out.println("quote JAVA from 8 threads at once -> " + quotes.lookups("JAVA") + " lookup(s)");

    quotes.publish(new Quote("VELA", 4_200, 0));
    out.println("after publish, quote VELA -> " + quotes.quote("VELA").cents() + " cents");
    quotes.refresh("VELA");
    quotes.quote("VELA");
    out.println("after refresh, quote VELA -> " + quotes.lookups("VELA") + " lookup(s) in all");

    QuoteCache cache = (QuoteCache) app.getBean(CacheManager.class).getCache("quotes").getNativeCache();
    out.println("quotes cache: " + cache.size() + " entries, hit rate "
        + String.format(java.util.Locale.ROOT, "%.2f", cache.stats().hitRate()));
  }
}
