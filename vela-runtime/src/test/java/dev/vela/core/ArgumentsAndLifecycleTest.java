package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheClosedException;
import dev.vela.PutOptions;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Null arguments are refused by name; a closed cache refuses everything but name and close. */
class ArgumentsAndLifecycleTest {
  private final ManualClock clock = new ManualClock();
  private final Cache<String, String> cache = TestCaches.strings("strict", clock).create();

  @AfterEach
  void close() {
    cache.close();
  }

  static Stream<Arguments> nullArguments() {
    Map<String, String> withNullKey = new HashMap<>();
    withNullKey.put(null, "v");
    Map<String, String> withNullValue = new HashMap<>();
    withNullValue.put("k", null);
    return Stream.of(
        call("get", "key", c -> c.get(null)),
        call("getOrThrow", "key", c -> c.getOrThrow(null)),
        call("getOrDefault", "key", c -> c.getOrDefault(null, "v")),
        call("put", "key", c -> c.put(null, "v")),
        call("put", "value", c -> c.put("k", null)),
        call("put with options", "key", c -> c.put(null, "v", PutOptions.defaults())),
        call("put with options", "value", c -> c.put("k", null, PutOptions.defaults())),
        call("put with options", "options", c -> c.put("k", "v", null)),
        call("putAll", "entries", c -> c.putAll(null)),
        call("putAll", "null key", c -> c.putAll(withNullKey)),
        call("putAll", "null value", c -> c.putAll(withNullValue)),
        call("putAll with options", "options", c -> c.putAll(Map.of("k", "v"), null)),
        call("delete", "key", c -> c.delete(null)),
        call("exists", "key", c -> c.exists(null)),
        call("ttl", "key", c -> c.ttl(null)),
        call("getOrFetch", "key", c -> c.getOrFetch(null, k -> "v")),
        call("getOrFetch", "fetcher", c -> c.getOrFetch("k", null)),
        call("getOrFetch with options", "options", c -> c.getOrFetch("k", k -> "v", null)),
        call("invalidateTag", "tag", c -> c.invalidateTag(null)),
        call("transaction", "keys", c -> c.transaction(null, x -> 1)),
        call("transaction", "work", c -> c.transaction(List.of("k"), null)),
        call("transaction", "keys must not hold null", c -> c.transaction(Arrays.asList("k", null), x -> 1)),
        call("dump", "file", c -> c.dump(null)),
        call("load", "file", c -> c.load(null)));
  }

  private static Arguments call(String method, String argument, Consumer<Cache<String, String>> call) {
    return Arguments.of(method, argument, call);
  }

  @ParameterizedTest(name = "{0} refuses a null {1}")
  @MethodSource("nullArguments")
  void nullArgumentsAreRefusedByName(String method, String argument, Consumer<Cache<String, String>> call) {
    assertThatThrownBy(() -> call.accept(cache))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining(argument.split(" ")[0]);
    assertThat(cache.size()).as("nothing stored").isZero();
  }

  static Stream<Arguments> everyMethod() {
    return Stream.of(
        call("get", "", c -> c.get("k")),
        call("getOrThrow", "", c -> c.getOrThrow("k")),
        call("getOrDefault", "", c -> c.getOrDefault("k", "v")),
        call("put", "", c -> c.put("k", "v")),
        call("put with options", "", c -> c.put("k", "v", PutOptions.defaults())),
        call("putAll", "", c -> c.putAll(Map.of("k", "v"))),
        call("delete", "", c -> c.delete("k")),
        call("exists", "", c -> c.exists("k")),
        call("ttl", "", c -> c.ttl("k")),
        call("getOrFetch", "", c -> c.getOrFetch("k", k -> "v")),
        call("invalidateTag", "", c -> c.invalidateTag("t")),
        call("flush", "", Cache::flush),
        call("size", "", Cache::size),
        call("stats", "", Cache::stats),
        call("local", "", Cache::local),
        call("transaction", "", c -> c.transaction(List.of("k"), x -> 1)),
        call("export", "", Cache::export),
        call("dump", "", c -> c.dump(Path.of("never-written.dump"))),
        call("load", "", c -> c.load(Path.of("never-read.dump"))),
        call("inspect", "", Cache::inspect),
        call("stream", "", Cache::stream));
  }

  @ParameterizedTest(name = "{0} after close")
  @MethodSource("everyMethod")
  void aClosedCacheRefusesEveryMethod(String method, String unused, Consumer<Cache<String, String>> call) {
    cache.close();

    assertThatThrownBy(() -> call.accept(cache))
        .isInstanceOf(CacheClosedException.class)
        .hasMessageContaining("'strict'");
  }

  @Test
  void closeIsIdempotentAndNameStillWorks() {
    Cache<String, String> local = cache.local();
    cache.put("k", "v");

    cache.close();

    assertThatNoException().isThrownBy(cache::close);
    assertThatNoException().isThrownBy(local::close);
    assertThat(cache.name()).isEqualTo("strict");
    assertThatThrownBy(() -> local.get("k")).isInstanceOf(CacheClosedException.class);
  }

  static Stream<Arguments> everyRead() {
    return Stream.of(
        call("get", "", c -> c.get("k")),
        call("getOrThrow", "", c -> c.getOrThrow("k")),
        call("getOrDefault", "", c -> c.getOrDefault("k", "v")));
  }

  @ParameterizedTest(name = "{0} of the node-local view, with and without telemetry, after close")
  @MethodSource("everyRead")
  void readsOfEitherViewAreRefusedOnceTheCacheClosed(String method, String unused, Consumer<Cache<String, String>> call) {
    try (Cache<String, String> measured =
        TestCaches.strings("measured", clock).meterRegistry(new SimpleMeterRegistry()).create()) {
      for (Cache<String, String> each : List.of(cache, measured)) {
        Cache<String, String> local = each.local();
        each.put("k", "v");
        call.accept(each);
        call.accept(local);

        local.close(); // closes the cache it came from too

        assertThatThrownBy(() -> call.accept(each)).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> call.accept(local)).isInstanceOf(CacheClosedException.class);
      }
    }
  }

  @Test
  void blankTagsAreRefused() {
    assertThatThrownBy(() -> cache.invalidateTag(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
