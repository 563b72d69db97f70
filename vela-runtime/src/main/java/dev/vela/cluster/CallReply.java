package dev.vela.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a call's reply, and of whatever is derived from it ({@code thenApply} and the like):
 * a thread that waits for it first spins as {@link LoneCallerSpin} allows, then waits as any
 * future's does.
 */
final class CallReply<T> extends CompletableFuture<T> {
  private final LoneCallerSpin spin;

  CallReply(LoneCallerSpin spin) {
    this.spin = spin;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CallReply<>(spin);
  }

  @Override
  public T join() {
    long start = spin.spin(this); // at once when the reply is here already
    try {
      return super.join();
    } finally {
      spin.waited(start);
    }
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    long start = spin.spin(this);
    try {
      return super.get();
    } finally {
      spin.waited(start);
    }
  }

  @Override
  public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    if (unit.toNanos(timeout) < LoneCallerSpin.SPIN_NANOS) {
      return super.get(timeout, unit); // a wait shorter than the spin is the caller's to time
    }
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    long start = spin.spin(this);
    try {
      return super.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } finally {
      spin.waited(start);
    }
  }
}
