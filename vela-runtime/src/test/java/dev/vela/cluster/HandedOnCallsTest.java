package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Waiting for the calls a node has read to reach their caches. */
class HandedOnCallsTest {

  @Test
  void waitsForEveryCallNumberedSoFarWhateverTheOrderTheyArriveIn() throws Exception {
    HandedOnCalls calls = new HandedOnCalls();
    assertThat(calls.await(Duration.ZERO)).as("none under way").isTrue();

    Long first = calls.handing();
    Long second = calls.handing();
    calls.reached(second);
    assertThat(calls.await(Duration.ofMillis(20))).as("the first is still on its way").isFalse();

    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> calls.await(Duration.ofSeconds(30)));
    calls.reached(first);
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
  }
}
