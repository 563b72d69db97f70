package dev.vela.topology.partitioned;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cluster-wide stampede protection, kept by each key's owner: the first node to claim a missing key
 * gets the right to fetch it; later claims wait until the fetcher releases it, then hear the value,
 * or that they may try again (the fetch failed, or the fetching node left the cluster).
 *
 * @param <K> the key type
 */
final class FetchClaims<K> {
  /** What a claim is answered with. */
  enum Answer {
    /** The value is here now: it follows. */
    VALUE(0),
    /** The claimant may fetch, and must release the key afterwards. */
    GRANTED(1),
    /** The fetch under way ended without a value: claim again. */
    RETRY(2);

    private final int code;

    Answer(int code) {
      this.code = code;
    }

    /** The byte that stands for this answer on the wire. */
    int code() {
      return code;
    }

    /**
     * The answer with this code.
     *
     * @throws IllegalArgumentException for a code no version of this topology sends
     */
    static Answer of(int code) {
      for (Answer answer : values()) {
        if (answer.code == code) {
          return answer;
        }
      }
      throw new IllegalArgumentException("unknown fetch claim answer code " + code + "; do all nodes run one version?");
    }
  }

  /** One fetch under way: who runs it, and who waits for it. */
  private static final class Claim {
    final String holder;
    final List<Consumer<Answer>> waiters = new ArrayList<>();

    Claim(String holder) {
      this.holder = holder;
    }
  }

  private final Map<K, Claim> claims = new HashMap<>();

  /**
   * Claims {@code key} for {@code claimant}. {@code answer} is told GRANTED at once if no fetch is
   * under way, or later, when the fetch under way ends, VALUE or RETRY. The caller answers VALUE
   * itself when the key is present, before claiming.
   */
  synchronized void claim(K key, String claimant, Consumer<Answer> answer) {
    Claim running = claims.get(key);
    if (running == null) {
      claims.put(key, new Claim(claimant));
      answer.accept(Answer.GRANTED);
    } else {
      running.waiters.add(answer);
    }
  }

  /** The fetch of {@code key} ended; its waiters hear VALUE when it stored one, else RETRY. */
  void release(K key, boolean stored) {
    Claim ended;
    synchronized (this) {
      ended = claims.remove(key);
    }
    if (ended != null) {
      ended.waiters.forEach(waiter -> waiter.accept(stored ? Answer.VALUE : Answer.RETRY));
    }
  }

  /** Fetches by nodes no longer in {@code members} will never end: their waiters may try again. */
  void retainHolders(List<String> members) {
    List<Claim> orphaned = new ArrayList<>();
    synchronized (this) {
      for (Iterator<Claim> it = claims.values().iterator(); it.hasNext(); ) {
        Claim claim = it.next();
        if (!members.contains(claim.holder)) {
          orphaned.add(claim);
          it.remove();
        }
      }
    }
    orphaned.forEach(claim -> claim.waiters.forEach(waiter -> waiter.accept(Answer.RETRY)));
  }

  /** The number of claims waiting for a fetch under way; for tests and inspect. */
  synchronized int waiting() {
    return claims.values().stream().mapToInt(claim -> claim.waiters.size()).sum();
  }

  /** The number of fetches under way; for tests and inspect. */
  synchronized int running() {
    return claims.size();
  }
}
