package dev.vela.backend.eviction;

/**
 * An approximate, ageing count of how often each key hash was seen recently: a count-min sketch
 * of 4-bit counters (at most 15), four counters per key in an array of longs sized to a power of
 * two at or above the expected number of entries. After {@code sampleSize} additions every counter
 * is halved, so popularity fades and the sketch stays a picture of the recent past.
 *
 * <p>An optional doorkeeper (a one-bit-per-slot filter cleared with each halving) absorbs a key's
 * first sighting, so keys seen once never reach the counters and do not crowd them; a key the
 * doorkeeper knows counts one more. Not thread-safe: the caller holds the eviction lock.
 */
final class FrequencySketch {
  private static final long ODD_BITS = 0x1111_1111_1111_1111L;
  private static final long HALVING_MASK = 0x7777_7777_7777_7777L;
  private static final int[] ROW_SEEDS = {0x97cb3127, 0x5fa4bb11, 0x2ef1c3a9, 0x8c3a7e15};

  private final long[] table;
  private final int tableMask;
  private final long[] doorkeeper;
  private final int doorkeeperMask;
  private final int sampleSize;
  private final int capacity;
  private int additions;

  /** A sketch for about {@code expectedEntries} distinct keys, halving every ten times that. */
  FrequencySketch(long expectedEntries, boolean withDoorkeeper) {
    int entries = (int) Math.max(16, Math.min(expectedEntries, 1 << 26));
    capacity = entries;
    int words = Integer.highestOneBit(entries - 1) << 1;
    table = new long[words];
    tableMask = words - 1;
    sampleSize = (int) Math.min(10L * entries, Integer.MAX_VALUE);
    if (withDoorkeeper) {
      doorkeeper = new long[Math.max(1, words / 4)];
      doorkeeperMask = doorkeeper.length * 64 - 1;
    } else {
      doorkeeper = null;
      doorkeeperMask = 0;
    }
  }

  /** The number of distinct keys the sketch was sized for. */
  int capacity() {
    return capacity;
  }

  boolean hasDoorkeeper() {
    return doorkeeper != null;
  }

  /** The additions after which every counter is halved. */
  int sampleSize() {
    return sampleSize;
  }

  /** The estimated recent frequency of {@code keyHash}, 0 to 15 (16 with the doorkeeper). */
  int frequency(int keyHash) {
    int spread = spread(keyHash);
    int min = 15;
    for (int row = 0; row < 4; row++) {
      min = Math.min(min, counter(spread, row));
    }
    if (doorkeeper != null && knows(spread)) {
      min++;
    }
    return min;
  }

  /** Counts one sighting of {@code keyHash}, halving every counter when a sample is complete. */
  void increment(int keyHash) {
    int spread = spread(keyHash);
    if (doorkeeper != null && remember(spread)) {
      countAddition();
      return; // the first sighting since the last halving: the doorkeeper holds it
    }
    boolean added = false;
    for (int row = 0; row < 4; row++) {
      added |= incrementCounter(spread, row);
    }
    if (added) {
      countAddition();
    }
  }

  private void countAddition() {
    if (++additions >= sampleSize) {
      halve();
    }
  }

  /** Halves every counter: the ageing step. */
  void halve() {
    int odd = 0;
    for (int i = 0; i < table.length; i++) {
      odd += Long.bitCount(table[i] & ODD_BITS);
      table[i] = (table[i] >>> 1) & HALVING_MASK;
    }
    additions = (additions - (odd >>> 2)) >>> 1;
    if (doorkeeper != null) {
      java.util.Arrays.fill(doorkeeper, 0L);
    }
  }

  private int counter(int spread, int row) {
    int index = index(spread, row);
    int shift = shift(spread, row);
    return (int) ((table[index] >>> shift) & 0xF);
  }

  private boolean incrementCounter(int spread, int row) {
    int index = index(spread, row);
    int shift = shift(spread, row);
    long mask = 0xFL << shift;
    if ((table[index] & mask) != mask) {
      table[index] += 1L << shift;
      return true;
    }
    return false;
  }

  /** The word of {@code row}'s counter: each row hashes the key with its own seed. */
  private int index(int spread, int row) {
    long hash = (spread + (long) ROW_SEEDS[row]) * ROW_SEEDS[row];
    hash += hash >>> 32;
    return (int) hash & tableMask;
  }

  /** The counter's bit offset within its word: one of 16 nibbles, chosen by a byte of the hash. */
  private static int shift(int spread, int row) {
    return ((spread >>> (row << 3)) & 0xF) << 2;
  }

  /** Sets the key's doorkeeper bits; true when they were not all set before (a first sighting). */
  private boolean remember(int spread) {
    boolean first = false;
    for (int probe = 0; probe < 2; probe++) {
      int bit = doorkeeperBit(spread, probe);
      long word = doorkeeper[bit >>> 6];
      long mask = 1L << bit;
      if ((word & mask) == 0) {
        doorkeeper[bit >>> 6] = word | mask;
        first = true;
      }
    }
    return first;
  }

  private boolean knows(int spread) {
    for (int probe = 0; probe < 2; probe++) {
      int bit = doorkeeperBit(spread, probe);
      if ((doorkeeper[bit >>> 6] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  private int doorkeeperBit(int spread, int probe) {
    int hash = probe == 0 ? spread : Integer.rotateLeft(spread * 0x9E3779B9, 16) * 0x85EBCA6B;
    return hash & doorkeeperMask;
  }

  /** Mixes a key's hash code, so that keys with similar hash codes use unrelated counters. */
  static int spread(int hash) {
    int x = hash;
    x ^= x >>> 16;
    x *= 0x7feb352d;
    x ^= x >>> 15;
    x *= 0x846ca68b;
    x ^= x >>> 16;
    return x;
  }
}
