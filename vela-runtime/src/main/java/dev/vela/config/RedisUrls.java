package dev.vela.config;

import java.util.Optional;

/**
 * The syntax of the REDIS backend's {@code url} option, checked in one place for the processor
 * and the runtime: a plain or TLS URL of one server, or a Sentinel URL naming the primary.
 */
public final class RedisUrls {
  /** What to write instead of a URL that is refused. */
  public static final String FORMS = "write redis://[user:password@]host:port[/database], rediss:// for TLS, or"
      + " redis-sentinel://[password@]host:port[,host:port...][/database]#primaryName for Sentinel";

  private RedisUrls() {}

  /** True for a Sentinel URL ({@code redis-sentinel://} or {@code rediss-sentinel://}). */
  public static boolean isSentinel(String url) {
    return url.startsWith("redis-sentinel://") || url.startsWith("rediss-sentinel://");
  }

  /** What is wrong with {@code url}, said as "is ..." (to follow "which"); empty when its form is right. */
  public static Optional<String> problem(String url) {
    if (isSentinel(url)) {
      int hash = url.indexOf('#');
      return hash < 0 || url.substring(hash + 1).isBlank()
          ? Optional.of("is a Sentinel URL without the name of the primary; end it with #primaryName, the"
              + " name the Sentinels monitor it by")
          : Optional.empty();
    }
    return url.startsWith("redis://") || url.startsWith("rediss://")
        ? Optional.empty()
        : Optional.of("is not a Redis URL; " + FORMS);
  }
}
