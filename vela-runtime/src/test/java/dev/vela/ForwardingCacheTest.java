package dev.vela;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link ForwardingCache}, which every generated class extends: being abstract, it would compile
 * with a method of {@link Cache} left out, and every generated class would then fail to compile.
 */
class ForwardingCacheTest {

  @Test
  void forwardsEveryMethodOfCache() {
    List<String> missing = Arrays.stream(Cache.class.getMethods())
        .filter(method -> Modifier.isAbstract(method.getModifiers()))
        .filter(method -> !declares(method))
        .map(Method::toString)
        .toList();
    assertThat(missing).as("methods of Cache that ForwardingCache does not forward").isEmpty();
  }

  @Test
  void forwardsTheAsynchronousCalls() throws Exception {
    try (Cache<String, String> cache = new ForwardingCache<>(TestCaches.strings("forwarding", new ManualClock()).create()) {
    }) {
      cache.putAsync("a", "1").get(10, TimeUnit.SECONDS);
      assertThat(cache.mergeAsync("a", "2", String::concat).get(10, TimeUnit.SECONDS)).isEqualTo("12");
      assertThat(cache.getAsync("a").get(10, TimeUnit.SECONDS)).contains("12");
      assertThat(cache.getAndDeleteAsync("a").get(10, TimeUnit.SECONDS)).contains("12");
    }
  }

  private static boolean declares(Method method) {
    try {
      Method declared = ForwardingCache.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
      return !Modifier.isAbstract(declared.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
