package dev.vela.entry;

import java.util.concurrent.locks.ReentrantLock;

/** A fixed set of reentrant locks, one chosen per key by its hash: writers of one key queue up. */
final class KeyStripes {
  private final ReentrantLock[] locks;

  KeyStripes(int count) {
    locks = new ReentrantLock[Integer.highestOneBit(Math.max(1, count - 1)) << 1];
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  ReentrantLock lockFor(Object key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    return locks[h & (locks.length - 1)];
  }
}
